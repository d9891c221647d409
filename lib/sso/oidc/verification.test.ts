import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoRequests } from '@/db/schema';
import { db } from '@/lib/testing/db';
import { ADA, REDIRECT_URI, answerFor, oidcConnection, refusalOf, withTestProvider } from './test-provider';
import { beginOidcSignIn, checkOidcDiscovery, completeOidcSignIn } from './flow.server';

/** Each check of the provider's answer, proved by an answer that fails only that check. */

const provider = withTestProvider();

/** Another address serving the real provider's discovery document, which names the real issuer. */
let impostor: http.Server;
let impostorIssuer: string;
beforeAll(async () => {
  const document = await (await fetch(`${provider.idp.issuer}/.well-known/openid-configuration`)).text();
  impostor = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(document));
  await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
  impostorIssuer = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => impostor.close(resolve)));

describe('the issuer', () => {
  it('refuses a provider whose discovery document names another issuer, at the start and when saving', async () => {
    const conn = await oidcConnection(impostorIssuer);
    const refusal = await refusalOf(
      beginOidcSignIn(conn, { purpose: 'test', nextPath: null, redirectUri: REDIRECT_URI }),
    );
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining(provider.idp.issuer) });
    const check = await checkOidcDiscovery(conn.settings);
    expect(check).toEqual({ ok: false, message: expect.stringContaining(`names the issuer ${provider.idp.issuer}`) });
  });

  it('refuses an ID token issued by someone else', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    provider.idp.tamperWithIdTokens({ claims: (c) => ({ ...c, iss: 'https://elsewhere.example' }) });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('"iss"') });
  });

  it('refuses an answer whose iss parameter names another issuer', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const answer = await answerFor(conn);
    answer.searchParams.set('iss', 'https://elsewhere.example');
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('"iss"') });
  });
});

describe('the ID token', () => {
  it('refuses one minted for another client (audience)', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    provider.idp.tamperWithIdTokens({ claims: (c) => ({ ...c, aud: 'another-app' }) });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('"aud"') });
  });

  it('refuses one whose nonce is not the request’s', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const answer = await answerFor(conn);
    await db
      .update(ssoRequests)
      .set({ nonce: 'a-nonce-this-sign-in-never-sent' })
      .where(eq(ssoRequests.id, answer.searchParams.get('state')!));
    const refusal = await refusalOf(completeOidcSignIn(conn, answer, REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('"nonce"') });
  });

  it('refuses an expired one', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    provider.idp.tamperWithIdTokens({ claims: (c) => ({ ...c, iat: hourAgo - 60, exp: hourAgo }) });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('"exp"') });
  });

  it('refuses one signed with a key the provider does not publish, though it came from the token endpoint', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    provider.idp.tamperWithIdTokens({ signWithForeignKey: true });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('signature') });
  });

  it('accepts one re-signed unchanged with the provider’s key (the tampering itself breaks nothing)', async () => {
    const conn = await oidcConnection(provider.idp.issuer);
    provider.idp.tamperWithIdTokens({ claims: (c) => c });
    const { claims } = await completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI);
    expect(claims.subject).toBe(ADA.sub);
  });
});

describe('a provider that puts the profile in userinfo only', () => {
  const strict = withTestProvider({ claimsIn: 'userinfo' });

  it('reads e-mail, name and groups from userinfo', async () => {
    const conn = await oidcConnection(strict.idp.issuer);
    const { claims } = await completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI);
    expect(claims).toMatchObject({
      subject: ADA.sub,
      email: ADA.email,
      emailVerified: true,
      name: ADA.name,
      groups: ADA.groups,
    });
  });

  it('refuses when nothing carries an e-mail address (scopes without email)', async () => {
    const conn = await oidcConnection(strict.idp.issuer, { settings: { scopes: 'openid profile' } });
    const refusal = await refusalOf(completeOidcSignIn(conn, await answerFor(conn), REDIRECT_URI));
    expect(refusal).toMatchObject({ reason: 'bad_answer', detail: expect.stringContaining('email claim') });
  });
});
