/**
 * `npx tsx scripts/scim-client.ts <base URL> <token> <domain>` — plays an identity provider against a
 * running Quorum, making the calls of RFC 7644's examples in order: create a user, read it, find it
 * by userName, deactivate it with PATCH, replace it with PUT, make a group with it as a member,
 * then delete both. Prints each call's status; exits 1 at the first unexpected one.
 * The base URL ends in /scim/v2; the token is a connection's SCIM token; the domain one of its domains.
 */
import { ScimClient, type ScimAnswer } from '../lib/testing/scim-client';

const [baseUrl, token, domain] = process.argv.slice(2);
if (!baseUrl || !token || !domain) {
  console.error('Usage: npx tsx scripts/scim-client.ts <base URL ending in /scim/v2> <token> <domain>');
  process.exit(2);
}
const client = new ScimClient(baseUrl.replace(/\/$/, ''), token);

async function step(name: string, expected: number, call: Promise<ScimAnswer>): Promise<ScimAnswer> {
  const answer = await call;
  console.log(`${answer.status === expected ? 'ok  ' : 'FAIL'} ${answer.status} ${name}`);
  if (answer.status !== expected) {
    console.error(JSON.stringify(answer.body, null, 2));
    process.exit(1);
  }
  return answer;
}

const userName = `bjensen.${Date.now().toString(36)}@${domain}`;
const created = await step('create user', 201, client.createUser(userName, { externalId: 'bjensen' }));
const id = (created.body as { id: string }).id;
await step('get user', 200, client.getUser(id));
await step('filter userName eq', 200, client.findUserByUserName(userName));
await step('PATCH active false', 200, client.deactivateUser(id));
await step(
  'PUT user',
  200,
  client.replaceUser(id, { userName, name: { givenName: 'Barbara', familyName: 'Jensen' }, active: true }),
);
const group = await step('create group with member', 201, client.createGroup(`Tour Guides ${Date.now()}`, [id]));
await step('delete group', 204, client.deleteGroup((group.body as { id: string }).id));
await step('delete user', 204, client.deleteUser(id));
await step('user is gone', 404, client.getUser(id));
console.log('All SCIM calls answered as RFC 7644 describes.');
