import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssoConnections } from '@/db/schema';
import type { TestUser } from '@/db/factories';
import { first } from '@/db/rows';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { startOidcProvider, type TestOidcProvider } from '@/lib/testing/oidc-provider';
import { startSamlIdp, type SamlIdp } from '@/lib/testing/saml-idp';
import { loadConnection, saveOidcSettings, saveSamlSettings } from './connection-settings.server';
import { createConnection } from './connections.server';

let admin: TestUser;
let provider: TestOidcProvider;
let idp: SamlIdp;
beforeAll(async () => {
  admin = await userWithRole('admin');
  provider = await startOidcProvider({ port: 0, clients: [], accounts: {} });
  idp = await startSamlIdp({ port: 0 });
});
afterAll(async () => {
  await provider?.close();
  await idp?.close();
});
const row = async (id: number) => first(await db.select().from(ssoConnections).where(eq(ssoConnections.id, id)))!;

describe('OpenID Connect settings', () => {
  it('are saved after the issuer’s discovery document is read; the secret only encrypted, kept when left blank', async () => {
    const id = await createConnection(admin, { name: 'Google', protocol: 'oidc' });
    const input = {
      issuer: provider.issuer,
      clientId: 'quorum',
      clientSecret: 'top-secret-value',
      scopes: '',
      groupsClaim: '',
    };
    await saveOidcSettings(admin, id, input);
    const saved = await row(id);
    expect(saved.config).toMatchObject({ issuer: provider.issuer, clientId: 'quorum', scopes: 'openid email profile' });
    expect(saved.secretCiphertext).not.toContain('top-secret-value');
    await saveOidcSettings(admin, id, { ...input, clientId: 'quorum-2', clientSecret: '' });
    const loaded = await loadConnection(id);
    expect(loaded).toMatchObject({
      protocol: 'oidc',
      clientSecret: 'top-secret-value',
      settings: { clientId: 'quorum-2' },
    });
  });

  it('refuses an unreachable issuer, a first save without a secret, and a non-admin, changing nothing', async () => {
    const id = await createConnection(admin, { name: 'Entra', protocol: 'oidc' });
    const before = await row(id);
    const input = {
      issuer: 'http://127.0.0.1:9/',
      clientId: 'quorum',
      clientSecret: 's',
      scopes: 'openid',
      groupsClaim: 'groups',
    };
    await expect(saveOidcSettings(admin, id, input)).rejects.toThrow(ValidationError);
    await expect(saveOidcSettings(admin, id, { ...input, issuer: provider.issuer, clientSecret: '' })).rejects.toThrow(
      ValidationError,
    );
    await expect(saveOidcSettings(await userWithRole('pm'), id, input)).rejects.toThrow(ForbiddenError);
    expect(await row(id)).toEqual(before);
  });
});

describe('SAML settings', () => {
  it('are read from pasted metadata or its URL, and a later save without metadata keeps the IdP', async () => {
    const id = await createConnection(admin, { name: 'Okta', protocol: 'saml' });
    await saveSamlSettings(admin, id, {
      metadataXml: idp.metadataXml,
      groupsAttribute: 'groups',
      clockSkewSeconds: '60',
    });
    expect((await row(id)).config).toMatchObject({ idpEntityId: idp.entityId, clockSkewSeconds: 60 });
    await saveSamlSettings(admin, id, { metadataUrl: idp.metadataUrl, allowIdpInitiated: 'true' });
    expect(await row(id)).toMatchObject({ allowIdpInitiated: true, config: { metadataUrl: idp.metadataUrl } });
    await saveSamlSettings(admin, id, { groupsAttribute: 'memberOf' });
    expect(await loadConnection(id)).toMatchObject({
      protocol: 'saml',
      settings: { idpEntityId: idp.entityId, groupsAttribute: 'memberOf' },
    });
  });

  it('refuses metadata that is not XML, or none at all, naming the field and changing nothing', async () => {
    const id = await createConnection(admin, { name: 'ADFS', protocol: 'saml' });
    const before = await row(id);
    const refused = await saveSamlSettings(admin, id, { metadataXml: '<not-closed' }).catch((e: unknown) => e);
    expect(
      (refused as ValidationError).fieldErrors.metadata ?? (refused as ValidationError).fieldErrors.metadataXml,
    ).toBeDefined();
    await expect(saveSamlSettings(admin, id, {})).rejects.toThrow(ValidationError);
    expect(await row(id)).toEqual(before);
    expect(await loadConnection(id)).toBeNull();
  });
});
