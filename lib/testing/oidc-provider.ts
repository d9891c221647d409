/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, standing in for a company's IdP in unit
 * tests and Playwright specs. Its sign-in page is a plain labelled form a person (or a test) fills
 * in with a login; consent is granted automatically. Nothing here ships with the app.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type OidcContext } from 'oidc-provider';
import { handleInteraction } from './oidc-provider-interaction';

export { refuseAtProvider, signInAtProvider } from './oidc-provider-browser';

export type TestOidcAccount = {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  groups?: string[];
};

export type TestOidcClient = { clientId: string; clientSecret: string; redirectUris: string[] };

/**
 * How the provider misbehaves on purpose: the ID tokens its token endpoint returns are re-signed
 * after `claims` changed them (with the provider's own key, or a key nobody published), to prove
 * that the client really checks what it is given.
 */
export type IdTokenTampering = {
  claims?: (claims: Record<string, unknown>) => Record<string, unknown>;
  signWithForeignKey?: boolean;
};

export type TestOidcProvider = {
  issuer: string;
  close(): Promise<void>;
  /** Adds the account, or replaces what the provider says about it. */
  setAccount(login: string, claims: TestOidcAccount): void;
  /** Tampers with every ID token issued from now on; null stops. */
  tamperWithIdTokens(tampering: IdTokenTampering | null): void;
};

export async function startOidcProvider(opts: {
  port?: number;
  clients: TestOidcClient[];
  accounts: Record<string, TestOidcAccount>;
  /**
   * Where the profile claims go: 'id_token' (the default) puts them in the ID token as well as
   * userinfo, 'userinfo' leaves the ID token with `sub` only, as strict providers do.
   */
  claimsIn?: 'id_token' | 'userinfo';
}): Promise<TestOidcProvider> {
  const accounts = new Map(Object.entries(opts.accounts));
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreignKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomBytes(8).toString('hex');
  let tampering: IdTokenTampering | null = null;

  // The issuer names the port, so the port must be known before the provider exists.
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [{ ...signingKey.privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      // Groups come with `profile` (as several IdPs do) or with a scope of their own.
      profile: ['name', 'groups'],
      groups: ['groups'],
    },
    scopes: ['openid', 'email', 'profile', 'groups'],
    conformIdTokenClaims: opts.claimsIn === 'userinfo',
    // Seconds; set so that the provider does not print a notice for each default it uses.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = [...accounts.values()].find((a) => a.sub === sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account, groups: account.groups ?? [] }) };
    },
    // Consent is not what these tests are about: every client gets the scopes it asks for.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result, params, provider: self } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return self.Grant.find(grantId);
      const grant = new self.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(params?.scope ?? 'openid');
      await grant.save();
      return grant;
    },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (!tampering || ctx.path !== '/token' || typeof body?.id_token !== 'string') return;
    const key = tampering.signWithForeignKey ? foreignKey.privateKey : signingKey.privateKey;
    body.id_token = resign(body.id_token, tampering.claims ?? ((c) => c), key);
  });

  const providerHandler = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      handleInteraction(provider, accounts, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`interaction failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    providerHandler(req, res);
  };

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    setAccount: (login, claims) => void accounts.set(login, claims),
    tamperWithIdTokens: (t) => {
      tampering = t;
    },
  };
}

/** The JWT with its claims changed and signed again (RS256) with `key`, keeping its header. */
function resign(
  jwt: string,
  change: (claims: Record<string, unknown>) => Record<string, unknown>,
  key: crypto.KeyObject,
): string {
  const [header, payload] = jwt.split('.');
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>);
  const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}
