import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { GET as GET_DOCUMENT } from '@/app/api/v1/openapi.json/route';
import { openApiDocument } from './openapi';
import { OPERATIONS } from './operations';
import { apiReference } from './reference';

const V1 = path.resolve(import.meta.dirname, '../../app/api/v1');

/** Every route file under app/api/v1 as an OpenAPI path ("/items/{id}") with the methods it exports. */
function routeFiles(dir = V1, prefix = ''): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const segment = entry.name.replace(/^\[(\w+)\]$/, '{$1}');
      out.push(...routeFiles(full, `${prefix}/${segment}`));
    } else if (entry.name === 'route.ts') {
      const source = fs.readFileSync(full, 'utf8');
      const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) =>
        m[1].toLowerCase(),
      );
      out.push({ path: prefix || '/', methods });
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(
      // A plain JSON copy, as a client would download it.
      JSON.parse(JSON.stringify(openApiDocument())) as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(openApiDocument().openapi).toBe('3.1.0');
  });

  it('describes every route under app/api/v1 with its methods, and nothing else', () => {
    const doc = openApiDocument();
    // The catch-all answers 404 for unknown paths and the document describes itself: neither is an operation.
    const routes = routeFiles().filter((r) => !r.path.includes('[...path]') && r.path !== '/openapi.json');
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const documented = Object.entries(doc.paths ?? {}).map(([p, ops]) => ({
      path: p,
      methods: Object.keys(ops ?? {}).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)),
    }));
    const key = (r: { path: string; methods: string[] }) => `${r.path} ${[...r.methods].sort().join(',')}`;
    expect(documented.map(key).sort()).toEqual(routes.map(key).sort());
  });

  it('names the bearer scheme, each operation’s scope and the problem and rate-limit answers', () => {
    const doc = openApiDocument();
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const patch = doc.paths!['/items/{id}']!.patch!;
    expect(patch.security).toEqual([{ bearer: ['items:write'] }]);
    expect(Object.keys(patch.responses!)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '409', '429']));
    expect(JSON.stringify(patch.responses!['429'])).toContain('Retry-After');
    expect(JSON.stringify(doc.paths!['/items']!.get!.responses!['200'])).toContain('RateLimit-Remaining');
    const params = doc.paths!['/items']!.get!.parameters as { name: string }[];
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(['cycleId', 'status', 'kind', 'themeId', 'departmentId', 'q', 'limit', 'cursor']),
    );
  });
});

describe('the reference page’s reading of the document', () => {
  it('gives every operation its scope, fields and a curl example with the bearer header', () => {
    const ref = apiReference();
    expect(ref.operations).toHaveLength(OPERATIONS.length);
    const list = ref.operations.find((o) => o.method === 'get' && o.path === '/items')!;
    expect(list.scope).toBe('items:read');
    expect(list.parameters.find((p) => p.name === 'cycleId')).toMatchObject({ in: 'query', required: true });
    expect(list.response.fields.map((f) => [f.name, f.type])).toEqual([
      ['data', 'Item[]'],
      ['nextCursor', 'string | null'],
    ]);
    expect(list.curl).toContain('"$QUORUM_URL/api/v1/items?cycleId=1"');
    expect(list.curl).toContain('Authorization: Bearer $QUORUM_TOKEN');
    const patch = ref.operations.find((o) => o.method === 'patch')!;
    expect(patch.body?.fields.find((f) => f.name === 'version')).toMatchObject({ required: true, type: 'integer' });
    expect(ref.schemas.find((s) => s.name === 'Item')?.fields.find((f) => f.name === 'theme')?.type).toBe('Ref | null');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('serves the document to anyone, without a token', async () => {
    const response = GET_DOCUMENT();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'Quorum REST API' } });
  });
});
