/**
 * For unit tests: sends a Request to the SCIM route handlers the way Next would (the path picks the
 * handler, `[id]` goes in params), and sets up a connection with a token and a domain.
 */
import crypto from 'node:crypto';
import { db } from '@/db/client';
import { ssoConnections, ssoDomains, ssoGroupMappings, type Role } from '@/db/schema';
import { makeUser } from '@/db/factories';
import { issueScimToken } from '@/lib/scim/tokens.server';
import { ScimClient, type ScimSend } from '@/lib/testing/scim-client';
import * as groupRoute from './Groups/[id]/route';
import * as groupsRoute from './Groups/route';
import * as resourceTypesRoute from './ResourceTypes/route';
import * as schemasRoute from './Schemas/route';
import * as configRoute from './ServiceProviderConfig/route';
import * as userRoute from './Users/[id]/route';
import * as usersRoute from './Users/route';

type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
type Module = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Handler>>;

const ROUTES: [RegExp, Module][] = [
  [/^\/Users$/, usersRoute],
  [/^\/Users\/([^/]+)$/, userRoute],
  [/^\/Groups$/, groupsRoute],
  [/^\/Groups\/([^/]+)$/, groupRoute],
  [/^\/ServiceProviderConfig$/, configRoute],
  [/^\/ResourceTypes$/, resourceTypesRoute],
  [/^\/Schemas$/, schemasRoute],
];

export const BASE_URL = 'http://quorum.test/scim/v2';

export const routeSend: ScimSend = async (request) => {
  const path = new URL(request.url).pathname.replace(/^\/scim\/v2/, '');
  for (const [pattern, module] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const handler = module[request.method as keyof Module];
    if (!handler) return new Response(null, { status: 405 });
    return handler(request, { params: Promise.resolve({ id: decodeURIComponent(match[1] ?? '') }) });
  }
  return new Response(null, { status: 404 });
};

export type TestConnection = { id: number; token: string; domain: string; client: ScimClient };

/** A connection with a domain of its own and a SCIM token issued by an admin. */
export async function scimConnection(): Promise<TestConnection> {
  const now = Date.now();
  const [row] = await db
    .insert(ssoConnections)
    .values({ name: 'Test IdP', protocol: 'oidc', config: {}, createdAt: now, updatedAt: now })
    .returning();
  const domain = `acme-${crypto.randomBytes(5).toString('hex')}.test`;
  await db.insert(ssoDomains).values({ connectionId: row.id, domain });
  const token = await issueScimToken(await makeUser(db, { role: 'admin' }), row.id);
  return { id: row.id, token, domain, client: new ScimClient(BASE_URL, token, routeSend) };
}

export async function mapGroup(
  connectionId: number,
  groupName: string,
  role: Role | null,
  departmentId: number | null,
) {
  await db.insert(ssoGroupMappings).values({ connectionId, groupName, role, departmentId });
}
