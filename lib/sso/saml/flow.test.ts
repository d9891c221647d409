import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSamlIdp, type SamlIdp } from '@/lib/testing/saml-idp';
import { makeSamlConnection } from '@/lib/testing/saml-connection';
import { beginSamlSignIn, completeSamlSignIn, type SamlConnection } from './flow.server';
import { spEndpoints } from './sp.server';

const BASE = 'https://quorum.example';
let idp: SamlIdp;
let conn: SamlConnection;
let sp: { entityId: string; acsUrl: string };

beforeAll(async () => {
  idp = await startSamlIdp();
  conn = await makeSamlConnection(idp.metadataXml);
  sp = spEndpoints(conn.id, BASE);
}, 30_000);
afterAll(() => idp?.close());

describe('smoke', () => {
  it('signs in', async () => {
    const url = await beginSamlSignIn(conn, { purpose: 'signin', nextPath: '/x', baseUrl: BASE });
    const requestId = url.searchParams.get('RelayState')!;
    const SAMLResponse = await idp.response({
      sp,
      inResponseTo: requestId,
      nameId: 'ann@example.com',
      name: 'Ann',
      groups: ['a', 'b'],
    });
    const result = await completeSamlSignIn(conn, { SAMLResponse, RelayState: requestId }, BASE);
    expect(result.claims.email).toBe('ann@example.com');
  });
});
