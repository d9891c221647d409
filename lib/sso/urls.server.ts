import 'server-only';
import { appUrl } from '@/lib/notifications/links.server';

/** The addresses an identity provider is given for a connection, from the public URL (APP_URL). */
export function ssoUrls(connectionId: number) {
  return {
    oidcRedirect: appUrl('/sso/oidc/callback'),
    samlEntityId: appUrl(`/sso/saml/${connectionId}/metadata`),
    samlAcs: appUrl(`/sso/saml/${connectionId}/acs`),
    samlMetadata: appUrl(`/sso/saml/${connectionId}/metadata`),
    scimBase: appUrl('/scim/v2'),
    base: appUrl('').replace(/\/$/, ''),
  };
}
