import { z } from 'zod';
import { singleLine } from '@/lib/validation';
import type { OidcSettings } from '../connection';

/** What an OIDC connection's form and stored config are checked against. Pure (client-safe). */

export const DEFAULT_OIDC_SCOPES = 'openid email profile';
export const DEFAULT_GROUPS_CLAIM = 'groups';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True for a host that can only be this machine: plain http there exposes nothing on a network. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname);
}

const ISSUER_MESSAGE = 'Issuer must be the provider’s https:// address, such as https://login.example.com.';

/**
 * The issuer is compared character for character with what the provider's discovery document and
 * ID tokens say (a trailing slash counts), so it is kept exactly as typed, only trimmed.
 */
const issuer = z
  .string({ error: ISSUER_MESSAGE })
  .trim()
  .min(1, 'Issuer is required.')
  .max(500, 'Issuer must be at most 500 characters.')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: ISSUER_MESSAGE });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: ISSUER_MESSAGE });
    } else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && process.env.NODE_ENV === 'production') {
      // A token fetched over plain http can be read and changed on the way.
      ctx.addIssue({ code: 'custom', message: 'Issuer must use https:// (http:// only for this machine).' });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Issuer must not contain a user name or password.' });
    } else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
      ctx.addIssue({ code: 'custom', message: 'Issuer must not have a query (?…) or fragment (#…).' });
    }
  });

/** Blank means "the default": a form sends '' for a field left empty. */
const blankAsDefault = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// RFC 6749 scope-token characters: printable ASCII except space, " and \.
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

const scopes = z.preprocess(
  blankAsDefault,
  z
    .string({ error: 'Scopes must be text, such as “openid email profile”.' })
    .max(500, 'Scopes must be at most 500 characters.')
    .transform((s) => s.trim().split(/\s+/).filter(Boolean))
    .refine((list) => list.every((scope) => SCOPE_TOKEN.test(scope)), {
      message: 'Scopes must be names separated by spaces, without quotes or backslashes.',
    })
    .refine((list) => list.includes('openid'), { message: 'Scopes must include openid.' })
    .transform((list) => [...new Set(list)].join(' '))
    .default(DEFAULT_OIDC_SCOPES),
);

const groupsClaim = z.preprocess(
  blankAsDefault,
  z
    .string({ error: 'Groups claim must be text, such as “groups”.' })
    .trim()
    .max(200, 'Groups claim must be at most 200 characters.')
    .regex(/^\S+$/, 'Groups claim must be one claim name, without spaces.')
    .default(DEFAULT_GROUPS_CLAIM),
);

export const OidcSettingsSchema: z.ZodType<OidcSettings> = z.object({
  issuer,
  clientId: singleLine('Client ID', 200, { required: 'Client ID is required.' }),
  scopes,
  groupsClaim,
});
