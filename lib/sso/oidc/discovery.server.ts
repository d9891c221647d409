import 'server-only';
import * as client from 'openid-client';
import type { LoadedConnection, OidcSettings } from '../connection';
import { SsoRefusal } from '../claims';
import { refusalFor, tidy } from './refusals.server';

export type OidcConnection = Extract<LoadedConnection, { protocol: 'oidc' }>;

/** A sign-in waits at most this long for the provider, rather than the library's 30 seconds. */
const TIMEOUT_SECONDS = 10;

/**
 * Each sign-in would otherwise fetch the discovery document and the signing keys again. A few
 * minutes is short enough that an admin's change at the provider is soon seen.
 */
const CACHE_MS = 5 * 60_000;
type Cached = { at: number; metadata: client.ServerMetadata; jwks?: client.ExportedJWKSCache };
const cache = new Map<string, Cached>();
const cacheKey = (s: OidcSettings) => JSON.stringify([s.issuer, s.clientId]);

/** Plain http is for a provider on this machine, or in development: settings refuse it otherwise. */
const insecure = (issuer: string) => new URL(issuer).protocol === 'http:';

/** The provider's discovery document, fetched afresh; refused when it lacks what sign-in needs. */
async function discover(settings: OidcSettings): Promise<client.ServerMetadata> {
  const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let config: client.Configuration;
  try {
    config = await client.discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
      execute: insecure(settings.issuer) ? [client.allowInsecureRequests] : [],
      timeout: TIMEOUT_SECONDS,
    });
  } catch (error) {
    throw refusalFor(error, 'discovery', url);
  }
  const metadata = config.serverMetadata();
  const missing = (['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const).filter((k) => !metadata[k]);
  if (missing.length)
    throw new SsoRefusal('bad_answer', `the discovery document at ${tidy(url, 200)} names no ${missing.join(', ')}`);
  return { ...metadata };
}

async function metadataFor(settings: OidcSettings, now = Date.now()): Promise<Cached> {
  const hit = cache.get(cacheKey(settings));
  if (hit && now - hit.at < CACHE_MS) return hit;
  const fresh: Cached = { at: now, metadata: await discover(settings) };
  cache.set(cacheKey(settings), fresh);
  return fresh;
}

/** The provider's preferred way to send the secret; RFC 8414 makes client_secret_basic the default. */
function clientAuth(metadata: client.ServerMetadata, secret: string | null): client.ClientAuth {
  if (secret === null) return client.None();
  const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (supported.includes('client_secret_basic')) return client.ClientSecretBasic(secret);
  if (supported.includes('client_secret_post')) return client.ClientSecretPost(secret);
  throw new SsoRefusal(
    'bad_answer',
    `the provider accepts neither client_secret_basic nor client_secret_post (it offers: ${tidy(supported.join(', '))})`,
  );
}

/**
 * The openid-client configuration for a connection. ID token signatures are verified against the
 * provider's published keys even though the token comes straight from the token endpoint: the
 * library would otherwise trust TLS alone.
 */
export async function configurationFor(conn: OidcConnection): Promise<client.Configuration> {
  const cached = await metadataFor(conn.settings);
  const config = new client.Configuration(
    cached.metadata,
    conn.settings.clientId,
    conn.clientSecret === null ? undefined : { client_secret: conn.clientSecret },
    clientAuth(cached.metadata, conn.clientSecret),
  );
  config.timeout = TIMEOUT_SECONDS;
  if (insecure(conn.settings.issuer)) client.allowInsecureRequests(config);
  client.enableNonRepudiationChecks(config);
  if (cached.jwks) client.setJwksCache(config, cached.jwks);
  return config;
}

/** Keeps the signing keys fetched while verifying, for the next sign-in to reuse. */
export function rememberKeys(conn: OidcConnection, config: client.Configuration) {
  const cached = cache.get(cacheKey(conn.settings));
  const jwks = client.getJwksCache(config);
  if (cached && jwks) cached.jwks = jwks;
}

/** For saving a connection: the discovery document is reachable, names the same issuer and the endpoints. */
export async function checkOidcDiscovery(
  settings: OidcSettings,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    cache.set(cacheKey(settings), { at: Date.now(), metadata: await discover(settings) });
    return { ok: true };
  } catch (error) {
    const refusal = refusalFor(error, 'discovery', settings.issuer);
    return { ok: false, message: `${capitalise(refusal.detail)}.` };
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
