import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/api-tokens/tokens.server';
import { countRows, userWithRole } from '@/lib/testing/db';
import { OPERATIONS } from './operations';

/**
 * The REST API takes tokens, not sessions, so the browser authorization matrix leaves it out: here
 * every route file under app/api/v1 is called for real, without a token and with a token lacking
 * the operation's scope, and must refuse both before doing anything.
 */
const V1 = path.resolve(import.meta.dirname, '../../app/api/v1');
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function routeFiles(dir = V1, prefix = ''): { file: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`);
    return entry.name === 'route.ts' ? [{ file: full, path: prefix }] : [];
  });
}

const calls = routeFiles()
  .filter((r) => !r.path.includes('[...path]') && r.path !== '/openapi.json')
  .flatMap((r) => OPERATIONS.filter((op) => op.path === r.path).map((op) => ({ ...r, op })));

const requestFor = (method: string, url: string, token?: string) =>
  new Request(`http://quorum.test/api/v1${url.replace('{id}', '1')}`, {
    method: method.toUpperCase(),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: method === 'get' ? undefined : JSON.stringify({ title: 'x' }),
  });

describe('every /api/v1 route', () => {
  it('has an operation for each of its route files', () => {
    expect(calls.length).toBe(OPERATIONS.length);
  });

  it.each(calls.map((c) => [`${c.op.method.toUpperCase()} ${c.op.path}`, c] as const))(
    '%s refuses no token (401) and a token without its scope (403)',
    async (_name, { file, op }) => {
      const route = (await import(file)) as Record<string, Handler>;
      const handler = route[op.method.toUpperCase()];
      const ctx = { params: Promise.resolve({ id: '1' }) };
      const before = await countRows('items');
      const anonymous = await handler(requestFor(op.method, op.path), ctx);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const admin = await userWithRole('admin');
      const other = op.scope === 'cycles:read' ? 'items:read' : 'cycles:read';
      const { secret } = await createApiToken(admin, { name: 'wrong scope', scopes: [other], expiresIn: '7' });
      const wrong = await handler(requestFor(op.method, op.path, secret), ctx);
      expect(wrong.status).toBe(403);
      expect((await wrong.json()).scope).toBe(op.scope);
      expect(await countRows('items')).toBe(before);
    },
  );
});
