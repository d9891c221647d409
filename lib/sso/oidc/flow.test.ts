import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ssoRequests } from '@/db/schema';
import { first } from '@/db/rows';
import { db } from '@/lib/testing/db';
import { refuseAtProvider, signInAtProvider, startOidcProvider } from '@/lib/testing/oidc-provider';
import {
  ADA,
  BOB,
  CLIENT,
  REDIRECT_URI,
  answerFor,
  oidcConnection,
  refusalOf,
  withTestProvider,
} from './test-provider';
import { beginOidcSignIn, checkOidcDiscovery, completeOidcSignIn } from './flow.server';

const provider = withTestProvider();
const storedRequest = async (id: string) => first(await db.select().from(ssoRequests).where(eq(ssoRequests.id, id)))!;

describe('beginOidcSignIn and completeOidcSignIn', () => {
  it('sends the browser to the provider with PKCE, state and nonce, and returns the verified claims', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const url = await beginOidcSignIn(conn, { purpose: 'signin', nextPath: '/backlog', redirectUri: REDIRECT_URI });
    expect(url.origin).toBe(provider.idp.issuer);
    const q = url.searchParams;
    expect(
      Object.fromEntries(['client_id', 'redirect_uri', 'scope', 'response_type'].map((k) => [k, q.get(k)])),
    ).toEqual({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT_URI,
      scope: 'openid email profile',
      response_type: 'code',
    });
    const stored = await storedRequest(q.get('state')!);
    expect(stored).toMatchObject({
      connectionId: conn.id,
      purpose: 'signin',
      nonce: q.get('nonce'),
      nextPath: '/backlog',
    });
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toBe(crypto.createHash('sha256').update(stored.codeVerifier!).digest('base64url'));

    const answer = await signInAtProvider(url, 'ada');
    // Behind a proxy the app may see another host: the registered redirect URI is what counts.
    const seenByApp = new URL(`http://10.0.0.5:3000/sso/oidc/callback${answer.search}`);
    const { claims, request } = await completeOidcSignIn(conn, seenByApp, REDIRECT_URI);
    expect(claims).toMatchObject({
      subject: ADA.sub,
      email: ADA.email,
      emailVerified: true,
      name: ADA.name,
      groups: ['engineering', 'leads'],
    });
    expect(claims.raw).toMatchObject({
      sub: ADA.sub,
      email: ADA.email,
      iss: provider.idp.issuer,
      aud: CLIENT.clientId,
    });
    expect(request).toMatchObject({ id: q.get('state'), purpose: 'signin', nextPath: '/backlog' });
    expect((await storedRequest(request.id)).consumedAt).not.toBeNull();
  });

  it('returns email_verified: false as false, and no groups as none', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const { claims } = await completeOidcSignIn(conn, await answerFor(conn, 'bob'), REDIRECT_URI);
    expect(claims).toMatchObject({ subject: BOB.sub, email: BOB.email, emailVerified: false, groups: [] });
  });

  it('reads groups from the claim the connection names, and sees the provider’s changes', async () => {
    provider.idp.setAccount('ada', { ...ADA, groups: ['quorum-admins'] });
    const conn = await oidcConnection(provider.idp.issuer, { settings: { groupsClaim: 'teams' } });
    expect((await completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI)).claims.groups).toEqual([]);
    const byGroups = await oidcConnection(provider.idp.issuer);
    expect((await completeOidcSignIn(byGroups, await answerFor(byGroups), REDIRECT_URI)).claims.groups).toEqual([
      'quorum-admins',
    ]);
    provider.idp.setAccount('ada', ADA);
  });

  it('lets an admin test a connection that is switched off, and refuses anyone else', async () => {
    const conn = await oidcConnection(provider.idp.issuer, { enabled: false });
    const { request } = await completeOidcSignIn(conn, await answerFor(conn, 'ada', { purpose: 'test' }), REDIRECT_URI);
    expect(request.purpose).toBe('test');
    const refusal = await refusalOf(
      beginOidcSignIn(conn, { purpose: 'signin', nextPath: null, redirectUri: REDIRECT_URI }),
    );
    expect(refusal.reason).toBe('disabled');
  });
});

describe('the sign-in request (state)', () => {
  it('refuses a state used twice', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const answer = await answerFor(conn);
    await completeOidcSignIn(conn, answer, REDIRECT_URI);
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({
      reason: 'unknown_request',
      detail: expect.stringContaining('already been answered'),
    });
  });

  it('refuses an unknown state, a missing one and one started for another connection', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const other = await oidcConnection(provider.idp.issuer);
    const answer = await answerFor(other);
    const unknown = new URL(answer);
    unknown.searchParams.set('state', '_made-up');
    const missing = new URL(answer);
    missing.searchParams.delete('state');
    for (const url of [unknown, missing, answer])
      expect((await refusalOf(completeOidcSignIn(conn, url, REDIRECT_URI))).reason).toBe('unknown_request');
  });

  it('refuses an expired request', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const answer = await answerFor(conn);
    await db
      .update(ssoRequests)
      .set({ expiresAt: Date.now() - 1000 })
      .where(eq(ssoRequests.id, answer.searchParams.get('state')!));
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'unknown_request', detail: expect.stringContaining('expired') });
  });
});

describe('the provider refusing or out of reach', () => {
  it('reports ?error=access_denied as the provider’s refusal, and uses up the request', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const url = await beginOidcSignIn(conn, { purpose: 'signin', nextPath: null, redirectUri: REDIRECT_URI });
    const answer = await refuseAtProvider(url);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'provider_error', detail: expect.stringContaining('access_denied') });
    expect((await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI))).reason).toBe('unknown_request');
  });

  it('refuses a wrong client secret, naming the token endpoint’s answer but not the secret', async () => {
    const conn = await oidcConnection(provider.idp.issuer, { clientSecret: 'not-the-secret' });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('invalid_client') });
    expect(refusal.detail).not.toContain('not-the-secret');
  });

  it('reports an issuer nobody answers at as unreachable, at the start and when saving', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const conn = await oidcConnection(issuer);
    const refusal = await refusalOf(
      beginOidcSignIn(conn, { purpose: 'test', nextPath: null, redirectUri: REDIRECT_URI }),
    );
    expect(refusal).toMatchObject({ reason: 'unreachable', detail: expect.stringContaining('ECONNREFUSED') });
    expect(await checkOidcDiscovery(conn.settings)).toEqual({ ok: false, message: expect.stringContaining(issuer) });
  });

  it('reports a token endpoint that went away as unreachable', async () => {
    const shortLived = await startOidcProvider({
      clients: [{ ...CLIENT, redirectUris: [REDIRECT_URI] }],
      accounts: { ada: ADA },
    });
    const conn = await oidcConnection(shortLived.issuer);
    const answer = await answerFor(conn);
    await shortLived.close();
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'unreachable', detail: expect.stringContaining('token endpoint') });
  });

  it('accepts a provider whose discovery document is reachable', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    expect(await checkOidcDiscovery(conn.settings)).toEqual({ ok: true });
  });
});
