import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { db } from '@/lib/testing/db';
import { makeSamlConnection } from '@/lib/testing/saml-connection';
import { startSamlIdp, type SamlIdp } from '@/lib/testing/saml-idp';
import { ssoUrls } from '../urls.server';
import { completeSamlRoundTrip } from './acs.server';

let idp: SamlIdp;
beforeAll(async () => {
  idp = await startSamlIdp({ port: 0 });
});
afterAll(async () => {
  await idp?.close();
});

const refusals = async (connectionId: number) =>
  (await db.select().from(events).where(eq(events.type, 'sso.signin_refused'))).filter(
    (e) => e.subjectId === connectionId,
  );
const post = (id: number, body: BodyInit, type: string) =>
  new Request(ssoUrls(id).samlAcs, { method: 'POST', body, headers: { 'content-type': type } });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const redirectOf = (error: unknown) => String((error as { digest?: string }).digest ?? error);

describe('the SAML assertion consumer service', () => {
  it('answers 400 to a request that is no SAML answer, logging no sign-in attempt', async () => {
    const conn = await makeSamlConnection(idp.metadataXml);
    for (const [body, type] of [
      [JSON.stringify({ SAMLResponse: 'x' }), 'application/json'],
      [form({ RelayState: 'x' }), 'application/x-www-form-urlencoded'],
    ] as const) {
      const res = await completeSamlRoundTrip(post(conn.id, body, type), String(conn.id));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('SAMLResponse');
    }
    expect(await refusals(conn.id)).toEqual([]);
  });

  it('refuses a forged answer and an unasked IdP-initiated one, sending the person to sign-in and logging why', async () => {
    const conn = await makeSamlConnection(idp.metadataXml);
    const garbage = await completeSamlRoundTrip(
      post(conn.id, form({ SAMLResponse: 'bm90IHNhbWw=' }), 'application/x-www-form-urlencoded'),
      String(conn.id),
    ).catch(redirectOf);
    expect(garbage).toContain('/signin?sso_error=bad_answer');

    const urls = ssoUrls(conn.id);
    const unasked = await idp.response({
      sp: { entityId: urls.samlEntityId, acsUrl: urls.samlAcs },
      nameId: 'ivy@example.com',
      email: 'ivy@example.com',
    });
    const idpInitiated = await completeSamlRoundTrip(
      post(conn.id, form({ SAMLResponse: unasked }), 'application/x-www-form-urlencoded'),
      String(conn.id),
    ).catch(redirectOf);
    expect(idpInitiated).toContain('/signin?sso_error=idp_initiated_off');
    expect((await refusals(conn.id)).map((e) => e.data.reason)).toEqual(['bad_answer', 'idp_initiated_off']);
  });
});
