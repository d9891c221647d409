import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { startSamlIdp, type SamlIdp } from '@/lib/testing/saml-idp';
import { samlSettingsFromInput, StoredSamlSettingsSchema } from './settings.server';

let idp: SamlIdp;
beforeAll(async () => {
  idp = await startSamlIdp();
}, 30_000);
afterAll(() => idp?.close());

async function fieldErrors(input: unknown) {
  try {
    await samlSettingsFromInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  }
  throw new Error('expected a ValidationError');
}

describe('samlSettingsFromInput', () => {
  it('builds the settings from pasted metadata, with defaults for blank fields', async () => {
    const settings = await samlSettingsFromInput({
      metadataXml: idp.metadataXml,
      groupsAttribute: '',
      clockSkewSeconds: '',
    });
    expect(settings).toMatchObject({
      idpEntityId: idp.entityId,
      idpSsoUrl: idp.ssoUrl,
      metadataUrl: null,
      groupsAttribute: 'groups',
      clockSkewSeconds: 120,
    });
    expect(StoredSamlSettingsSchema.parse(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });

  it('downloads the metadata from its URL and remembers the URL', async () => {
    const settings = await samlSettingsFromInput({
      metadataUrl: idp.metadataUrl,
      groupsAttribute: 'memberOf',
      clockSkewSeconds: '60',
    });
    expect(settings).toMatchObject({
      idpEntityId: idp.entityId,
      metadataUrl: idp.metadataUrl,
      groupsAttribute: 'memberOf',
      clockSkewSeconds: 60,
    });
  });

  it('names the field at fault', async () => {
    expect(await fieldErrors({})).toEqual({
      metadata: ['Paste the identity provider’s metadata XML, or give its metadata URL.'],
    });
    expect(Object.keys(await fieldErrors({ metadataXml: idp.metadataXml, clockSkewSeconds: '9999' }))).toEqual([
      'clockSkewSeconds',
    ]);
    expect((await fieldErrors({ metadataXml: '<x/>' })).metadata[0]).toMatch(/not SAML metadata/);
    expect((await fieldErrors({ metadataUrl: `${new URL(idp.ssoUrl).origin}/missing` })).metadataUrl[0]).toMatch(
      /answered 404/,
    );
    expect((await fieldErrors({ metadataUrl: idp.ssoUrl })).metadataUrl).toBeDefined();
  });
});
