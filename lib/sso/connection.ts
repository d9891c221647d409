/**
 * The shapes of a connection's stored settings, per protocol. Pure (client-safe): the admin's forms
 * show them. Secrets are not here: the OIDC client secret is in `secretCiphertext`, encrypted.
 */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  scopes: string; // space-separated, always including openid
  groupsClaim: string; // e.g. "groups"
};

export type SamlSettings = {
  idpEntityId: string;
  idpSsoUrl: string;
  /** PEM bodies (base64, no header) of the IdP's signing certificates. */
  idpCertificates: string[];
  metadataUrl: string | null;
  /** Which attribute carries groups, e.g. "groups" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups". */
  groupsAttribute: string;
  clockSkewSeconds: number; // default 120
};

/** A connection as lib/sso's protocol code receives it. */
export type LoadedConnection =
  | {
      id: number;
      name: string;
      protocol: 'oidc';
      enabled: boolean;
      allowIdpInitiated: boolean;
      settings: OidcSettings;
      clientSecret: string | null;
    }
  | {
      id: number;
      name: string;
      protocol: 'saml';
      enabled: boolean;
      allowIdpInitiated: boolean;
      settings: SamlSettings;
    };
