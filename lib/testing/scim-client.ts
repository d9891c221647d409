/**
 * A SCIM 2.0 client that makes the calls of RFC 7644's examples, as an IdP does. It sends real
 * Requests through `send`: fetch against a running server (the e2e spec, scripts/scim-client.ts)
 * or the route handlers themselves (unit tests).
 */
export type ScimSend = (request: Request) => Promise<Response>;

export type ScimAnswer = { status: number; contentType: string | null; body: Record<string, unknown> | null };

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export class ScimClient {
  constructor(
    readonly baseUrl: string, // …/scim/v2
    private readonly token: string | null,
    private readonly send: ScimSend = (r) => fetch(r),
  ) {}

  /** One call; `body` a value is sent as JSON, a string as it is (to send malformed JSON). */
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimAnswer> {
    const request = new Request(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/scim+json',
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const response = await this.send(request);
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    };
  }

  /** RFC 7643 §8.2's minimal User, with a name and optionally a department and externalId. */
  createUser(userName: string, more: Record<string, unknown> = {}) {
    return this.call('POST', '/Users', {
      schemas: [USER, ENTERPRISE],
      userName,
      name: { givenName: 'Barbara', familyName: 'Jensen' },
      emails: [{ value: userName, type: 'work', primary: true }],
      active: true,
      ...more,
    });
  }

  getUser(id: string) {
    return this.call('GET', `/Users/${encodeURIComponent(id)}`);
  }

  findUserByUserName(userName: string) {
    return this.call('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`);
  }

  /** Okta's deactivation: a replace without a path. */
  deactivateUser(id: string) {
    return this.patchUser(id, [{ op: 'replace', value: { active: false } }]);
  }

  patchUser(id: string, operations: unknown[]) {
    return this.call('PATCH', `/Users/${encodeURIComponent(id)}`, { schemas: [PATCH_OP], Operations: operations });
  }

  replaceUser(id: string, user: Record<string, unknown>) {
    return this.call('PUT', `/Users/${encodeURIComponent(id)}`, { schemas: [USER, ENTERPRISE], ...user });
  }

  deleteUser(id: string) {
    return this.call('DELETE', `/Users/${encodeURIComponent(id)}`);
  }

  createGroup(displayName: string, memberIds: string[] = []) {
    return this.call('POST', '/Groups', {
      schemas: [GROUP],
      displayName,
      members: memberIds.map((value) => ({ value })),
    });
  }

  patchGroup(id: string, operations: unknown[]) {
    return this.call('PATCH', `/Groups/${encodeURIComponent(id)}`, { schemas: [PATCH_OP], Operations: operations });
  }

  deleteGroup(id: string) {
    return this.call('DELETE', `/Groups/${encodeURIComponent(id)}`);
  }
}
