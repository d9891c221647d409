import 'server-only';
import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import type { SamlSettings } from '@/lib/sso/connection';
import { fetchIdpMetadata, parseIdpMetadata, SamlSettingsInputSchema } from './metadata.server';

const MetadataSource = z.object({
  metadataXml: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined), z.string().optional()),
  metadataUrl: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z.string().optional(),
  ),
});

/**
 * A SAML connection's settings from the admin's form: the IdP metadata pasted (`metadataXml`) or
 * downloaded (`metadataUrl`; pasted XML wins when both are given), plus the groups attribute and
 * clock skew. Throws a ValidationError naming the field (metadata, metadataUrl, groupsAttribute,
 * clockSkewSeconds); downloads only once the other fields are valid.
 */
export async function samlSettingsFromInput(input: unknown, now = new Date()): Promise<SamlSettings> {
  const fields = SamlSettingsInputSchema.safeParse(input ?? {});
  const source = MetadataSource.parse(input ?? {});
  if (!fields.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of fields.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
    throw new ValidationError(errors);
  }
  if (!source.metadataXml && !source.metadataUrl)
    throw new ValidationError({ metadata: ['Paste the identity provider’s metadata XML, or give its metadata URL.'] });
  const xml = source.metadataXml ?? (await fetchIdpMetadata(source.metadataUrl!));
  let idp: ReturnType<typeof parseIdpMetadata>;
  try {
    idp = parseIdpMetadata(xml, now);
  } catch (error) {
    // Downloaded metadata that is wrong is the URL's problem: show the message next to the URL field.
    if (error instanceof ValidationError && !source.metadataXml)
      throw new ValidationError({ metadataUrl: error.fieldErrors.metadata ?? [error.message] });
    throw error;
  }
  return { ...idp, metadataUrl: source.metadataXml ? null : source.metadataUrl!, ...fields.data };
}

/** The stored shape of a SAML connection's `config`, for code that loads it back. */
export const StoredSamlSettingsSchema = z.object({
  idpEntityId: z.string().min(1),
  idpSsoUrl: z.url(),
  idpCertificates: z.array(z.string().min(1)).min(1),
  metadataUrl: z.string().nullable().default(null),
  groupsAttribute: z.string().min(1).default('groups'),
  clockSkewSeconds: z.number().int().min(0).max(600).default(120),
});
