import 'server-only';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { generate } from 'selfsigned';
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import { db } from '@/db/client';
import { first } from '@/db/rows';
import { settings } from '@/db/schema';
import { decryptSecret, encryptSecret } from '@/lib/security/secrets.server';

/** The `settings` row holding Quorum's SAML signing key (encrypted) and its certificate. */
export const SP_KEY_SETTING = 'sso.saml.spKey';

/**
 * NameID format Quorum asks for: "unspecified" lets each IdP send what its admin configured (an
 * e-mail or a persistent id); asking for one format makes some IdPs refuse the request outright.
 */
export const SP_NAME_ID_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

const StoredKey = z.object({ certificatePem: z.string().min(1), privateKeyCiphertext: z.string().min(1) });

/** Where an IdP finds this connection's service provider: its entity id and its ACS. */
export function spEndpoints(connectionId: number, baseUrl: string): { entityId: string; acsUrl: string } {
  const base = baseUrl.replace(/\/+$/, '');
  return { entityId: `${base}/sso/saml/${connectionId}/metadata`, acsUrl: `${base}/sso/saml/${connectionId}/acs` };
}

async function readStored(): Promise<z.infer<typeof StoredKey> | null> {
  const row = first(await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SP_KEY_SETTING)));
  if (!row) return null;
  const parsed = StoredKey.safeParse(row.value);
  // A malformed row is a bug or a tampered database: failing loudly beats signing with a new key silently.
  if (!parsed.success) throw new Error(`The ${SP_KEY_SETTING} setting is malformed.`);
  return parsed.data;
}

/**
 * Quorum's SAML signing key and self-signed certificate, shared by every connection (IdPs pin the
 * certificate from Quorum's metadata). Made on first use; when two processes race, the first insert
 * wins and both use its key.
 */
export async function spCredentials(): Promise<{ certificatePem: string; privateKeyPem: string }> {
  let stored = await readStored();
  if (!stored) {
    const notBeforeDate = new Date();
    // Ten years: IdPs rarely check an SP certificate's dates, and rotating one means re-uploading metadata everywhere.
    const notAfterDate = new Date(notBeforeDate.getTime() + 10 * 365 * 24 * 3600_000);
    const made = await generate([{ name: 'commonName', value: 'Quorum SAML service provider' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
    });
    const value = { certificatePem: made.cert, privateKeyCiphertext: encryptSecret(made.private) };
    await db.insert(settings).values({ key: SP_KEY_SETTING, value }).onConflictDoNothing({ target: settings.key });
    stored = await readStored();
    if (!stored) throw new Error(`The ${SP_KEY_SETTING} setting could not be stored.`);
  }
  return { certificatePem: stored.certificatePem, privateKeyPem: decryptSecret(stored.privateKeyCiphertext) };
}

/** The SP metadata an IdP admin uploads: entity id, ACS (HTTP-POST), signed requests, signed assertions wanted. */
export async function spMetadataXml(connectionId: number, baseUrl: string): Promise<string> {
  const { entityId, acsUrl } = spEndpoints(connectionId, baseUrl);
  const { certificatePem, privateKeyPem } = await spCredentials();
  return generateServiceProviderMetadata({
    issuer: entityId,
    callbackUrl: acsUrl,
    publicCerts: certificatePem,
    privateKey: privateKeyPem,
    signatureAlgorithm: 'sha256',
    wantAssertionsSigned: true,
    identifierFormat: SP_NAME_ID_FORMAT,
  });
}

/** Quorum's SP certificate (public), for the admin's connection page. */
export async function spCertificate(actor: ActingUser): Promise<string> {
  assertCan(actor, 'sso.manage');
  return (await spCredentials()).certificatePem;
}
