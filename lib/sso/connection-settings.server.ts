import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { ssoConnections } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ValidationError } from '@/lib/errors';
import { logEvent, diff } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { logRefusal } from '@/lib/security/refusal-log.server';
import { connectionForChange } from './connections.server';
import type { LoadedConnection, OidcSettings, SamlSettings } from './connection';
import { decryptSecret, encryptSecret } from '@/lib/security/secrets.server';
import { OidcSettingsSchema } from './oidc/settings';
import { checkOidcDiscovery } from './oidc/flow.server';
import { fetchIdpMetadata, parseIdpMetadata, SamlSettingsInputSchema } from './saml/metadata.server';

const SecretSchema = z.object({
  clientSecret: z
    .string({ error: 'Enter the client secret.' })
    .max(2000, 'The client secret must be at most 2,000 characters.'),
});

/**
 * Saves an OIDC connection's settings after checking the issuer's discovery document. A blank
 * secret keeps the stored one. Any change asks for a new test before the connection can be switched on.
 */
export async function saveOidcSettings(actor: ActingUser, id: number, input: unknown, now = Date.now()): Promise<void> {
  assertCan(actor, 'sso.manage');
  const settings = parseOrThrow(OidcSettingsSchema, input);
  const { clientSecret } = parseOrThrow(SecretSchema, {
    clientSecret: (input as Record<string, unknown>)?.clientSecret ?? '',
  });
  const before = await connectionForChange(db, id);
  if (before.protocol !== 'oidc')
    throw new ValidationError({ protocol: ['This is not an OpenID Connect connection.'] });
  if (!clientSecret.trim() && before.secretCiphertext === null)
    throw new ValidationError({ clientSecret: ['Enter the client secret the provider gave you.'] });
  const discovery = await checkOidcDiscovery(settings);
  if (!discovery.ok) throw new ValidationError({ issuer: [discovery.message] });
  await transaction(async (tx) => {
    const changes = diff(before.config, settings as unknown as Record<string, unknown>);
    await tx
      .update(ssoConnections)
      .set({
        config: settings,
        ...(clientSecret.trim() ? { secretCiphertext: encryptSecret(clientSecret.trim()) } : {}),
        updatedAt: now,
      })
      .where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.settings_changed',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { changes, ...(clientSecret.trim() ? { clientSecret: 'replaced' } : {}) },
    });
  });
}

const SamlFormSchema = z.object({
  metadataXml: z.string().max(1_000_000, 'The metadata must be at most 1 MB.').optional().default(''),
  metadataUrl: z.string().max(2000, 'The metadata URL must be at most 2,000 characters.').optional().default(''),
  allowIdpInitiated: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/**
 * Saves a SAML connection: the IdP's metadata (pasted, uploaded or fetched from its URL; checked
 * for a valid signing certificate), the groups attribute, the clock skew and IdP-initiated sign-in.
 */
export async function saveSamlSettings(actor: ActingUser, id: number, input: unknown, now = Date.now()): Promise<void> {
  assertCan(actor, 'sso.manage');
  const form = parseOrThrow(SamlFormSchema, input);
  const rest = parseOrThrow(SamlSettingsInputSchema, input);
  const before = await connectionForChange(db, id);
  if (before.protocol !== 'saml') throw new ValidationError({ protocol: ['This is not a SAML connection.'] });
  const url = form.metadataUrl.trim();
  let idp: Pick<SamlSettings, 'idpEntityId' | 'idpSsoUrl' | 'idpCertificates'>;
  try {
    if (form.metadataXml.trim()) idp = parseIdpMetadata(form.metadataXml);
    else if (url) idp = parseIdpMetadata(await fetchIdpMetadata(url));
    else if (typeof before.config.idpEntityId === 'string') idp = before.config as unknown as SamlSettings;
    else
      throw new ValidationError({
        metadataXml: ['Upload or paste the identity provider’s metadata XML, or give its metadata URL.'],
      });
  } catch (error) {
    if (error instanceof ValidationError)
      logRefusal('saml_metadata', {
        connectionId: id,
        by: actor.id,
        reason: JSON.stringify(error.fieldErrors).slice(0, 300),
      });
    throw error;
  }
  const settings: SamlSettings = {
    idpEntityId: idp.idpEntityId,
    idpSsoUrl: idp.idpSsoUrl,
    idpCertificates: idp.idpCertificates,
    metadataUrl: url || null,
    groupsAttribute: rest.groupsAttribute,
    clockSkewSeconds: rest.clockSkewSeconds,
  };
  await transaction(async (tx) => {
    const changes = diff(before.config, { ...settings, idpCertificates: settings.idpCertificates.length } as Record<
      string,
      unknown
    >);
    await tx
      .update(ssoConnections)
      .set({ config: settings, allowIdpInitiated: form.allowIdpInitiated, updatedAt: now })
      .where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'sso.settings_changed',
      subjectType: 'sso_connection',
      subjectId: id,
      data: { changes, allowIdpInitiated: form.allowIdpInitiated },
    });
  });
}

/** Unchecked: a connection as the protocol code needs it (secret decrypted), or null when unknown or not set up. */
export async function loadConnection(id: number): Promise<LoadedConnection | null> {
  const row = first(await db.select().from(ssoConnections).where(eq(ssoConnections.id, id)));
  if (!row) return null;
  const common = { id: row.id, name: row.name, enabled: row.enabled, allowIdpInitiated: row.allowIdpInitiated };
  if (row.protocol === 'oidc') {
    const settings = OidcSettingsSchema.safeParse(row.config);
    if (!settings.success) return null;
    const clientSecret = row.secretCiphertext ? decryptSecret(row.secretCiphertext) : null;
    return { ...common, protocol: 'oidc', settings: settings.data as OidcSettings, clientSecret };
  }
  if (typeof row.config.idpEntityId !== 'string') return null;
  return { ...common, protocol: 'saml', settings: row.config as unknown as SamlSettings };
}

export async function connectionProtocol(id: number): Promise<'oidc' | 'saml' | null> {
  return (
    first(await db.select({ protocol: ssoConnections.protocol }).from(ssoConnections).where(eq(ssoConnections.id, id)))
      ?.protocol ?? null
  );
}

/** What "Test this connection" received, shown on the connection's page. */
export async function recordConnectionTest(
  id: number,
  result: Record<string, unknown>,
  now = Date.now(),
): Promise<void> {
  await transaction(async (tx) => {
    await tx.update(ssoConnections).set({ lastTest: result, lastTestedAt: now }).where(eq(ssoConnections.id, id));
    await logEvent(tx, {
      actorId: null,
      type: result.ok ? 'sso.test_passed' : 'sso.test_failed',
      subjectType: 'sso_connection',
      subjectId: id,
      data: result.ok
        ? { subject: result.subject, email: result.email }
        : { reason: result.reason, detail: result.detail },
    });
  });
}
