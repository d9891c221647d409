/**
 * Everything a request can reach, read from the app itself: its pages (app/**\/page.tsx), its route
 * handlers and their methods (app/**\/route.ts), and its server actions (the build's manifest). The
 * matrix must have a row for each, so a new route without one fails the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverActions } from './http';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const app = path.join(root, 'app');

function files(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** `/cycles/[id]/schedule` for app/cycles/[id]/schedule/page.tsx; route groups `(x)` drop out. */
function routeOf(file: string): string {
  const dir = path.relative(app, path.dirname(file)).split(path.sep);
  return '/' + dir.filter((part) => part && !/^\(.*\)$/.test(part)).join('/');
}

/** Every target as the matrix names it: `page /x`, `GET /api/y`, `action nameAction`. */
export function allTargets(): string[] {
  const pages = files(app, 'page.tsx').map((f) => `page ${routeOf(f)}`);
  // SCIM (app/scim) answers an IdP's bearer token, not a person's session: its own tests cover who may
  // call it (app/scim/v2/auth.test.ts: every route refuses a missing or wrong token) and bad input.
  // The REST API (app/api/v1) likewise takes personal access tokens: lib/api-v1/every-route.test.ts
  // calls each of its routes without a token and without the scope; its bad input is tested there too.
  const routes = files(app, 'route.ts')
    .filter((f) => !routeOf(f).startsWith('/scim/') && !routeOf(f).startsWith('/api/v1/'))
    .flatMap((f) => {
      const source = fs.readFileSync(f, 'utf8');
      const methods = [
        ...source.matchAll(/export (?:async function|function|const) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]);
      // next-auth's handlers are exported as `export const { GET, POST } = handlers`.
      const destructured = /export const \{([^}]*)\}/.exec(source)?.[1] ?? '';
      for (const m of destructured.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1]);
      return methods.map((method) => `${method} ${routeOf(f)}`);
    });
  const actions = serverActions().map((a) => `action ${a.name}`);
  return [...pages, ...routes, ...actions].sort();
}
