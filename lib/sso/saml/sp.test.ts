import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { first } from '@/db/rows';
import { settings } from '@/db/schema';
import { SP_KEY_SETTING, spCredentials, spEndpoints, spMetadataXml } from './sp.server';

const stored = async () => first(await db.select().from(settings).where(eq(settings.key, SP_KEY_SETTING)));

describe('spCredentials', () => {
  it('makes one RSA 2048 key and certificate, keeps the key only encrypted, and returns the same pair later', async () => {
    expect(await stored()).toBeUndefined();
    // Two callers at once (two requests, or two processes) must end with one key.
    const [a, b] = await Promise.all([spCredentials(), spCredentials()]);
    expect(b).toEqual(a);
    expect(await spCredentials()).toEqual(a);

    const key = crypto.createPrivateKey(a.privateKeyPem);
    expect(key.asymmetricKeyType).toBe('rsa');
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const cert = new crypto.X509Certificate(a.certificatePem);
    expect(cert.checkPrivateKey(key)).toBe(true);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 5 * 365 * 24 * 3600_000);

    const row = (await stored())!;
    const text = JSON.stringify(row.value);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(a.privateKeyPem.split('\n')[1]);
    expect(row.value).toMatchObject({
      certificatePem: a.certificatePem,
      privateKeyCiphertext: expect.stringMatching(/^v1\./),
    });
  });
});

describe('spMetadataXml', () => {
  it('names the connection’s entity id and ACS, wants signed assertions and carries the signing certificate', async () => {
    const xml = await spMetadataXml(7, 'https://quorum.example/');
    expect(spEndpoints(7, 'https://quorum.example/')).toEqual({
      entityId: 'https://quorum.example/sso/saml/7/metadata',
      acsUrl: 'https://quorum.example/sso/saml/7/acs',
    });
    expect(xml).toContain('entityID="https://quorum.example/sso/saml/7/metadata"');
    expect(xml).toMatch(
      /<AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="https:\/\/quorum.example\/sso\/saml\/7\/acs"/,
    );
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toContain('AuthnRequestsSigned="true"');
    const certBody = (await spCredentials()).certificatePem.replace(/-----[^-]+-----|\s+/g, '');
    expect(xml.replace(/\s+/g, '')).toContain(`<ds:X509Certificate>${certBody}</ds:X509Certificate>`);
    expect(xml).not.toContain('PRIVATE');
  });
});
