/**
 * Sign-in round trips (`npm run bench:signin`): the time from "Continue with …" to a session
 * cookie, through a real OpenID provider and a real SAML IdP on loopback (the ones the tests use),
 * against `next start` from the current build, 30 runs each after 3 warm-up runs. The baseline is
 * a password sign-in on the same server (two requests and the password hash), so the ratio says
 * what the provider's round trip adds, whatever the machine. Figures go to bench-results/signin.json.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../../db/sqlite-handle';
import { departments, ssoConnections, ssoDomains, users } from '../../db/schema';
import { hashPassword } from '../../lib/auth/password.server';
import { encryptSecretWith } from '../../lib/security/secret-box';
import { parseIdpMetadata } from '../../lib/sso/saml/metadata.server';
import { signInAtProvider, startOidcProvider } from '../../lib/testing/oidc-provider';
import { startSamlIdp } from '../../lib/testing/saml-idp';
import {
  benchTempDir,
  freePort,
  monoMs,
  nextBin,
  root,
  signIn,
  startChild,
  stopChildren,
  table,
  waitForHttp,
} from './lib';

const RUNS = 30;
const WARMUP = 3;
const tmpDir = benchTempDir('signin');
const dbFile = path.join(tmpDir, 'bench.sqlite');
const secret = crypto.randomBytes(32).toString('base64url');
const port = await freePort();
const base = `http://localhost:${port}`;

const oidc = await startOidcProvider({
  port: 0,
  clients: [{ clientId: 'bench', clientSecret: 'bench-secret', redirectUris: [`${base}/sso/oidc/callback`] }],
  accounts: { ada: { sub: 'ada', email: 'ada@oidc.bench', email_verified: true, name: 'Ada', groups: [] } },
});
const saml = await startSamlIdp({ port: 0 });
saml.setUser('sam@saml.bench', { name: 'Sam', groups: [] });

// The database, migrated here, with one person for the password baseline and the two connections.
const handle = openSqlite(dbFile, { migrate: true });
const now = Date.now();
const [dept] = await handle.db.insert(departments).values({ name: 'General' }).returning();
await handle.db.insert(users).values({
  name: 'Pat',
  email: 'pat@password.bench',
  role: 'pm',
  departmentId: dept.id,
  passwordHash: await hashPassword('bench-password'),
  createdAt: new Date(now).toISOString(),
});
const connection = async (
  protocol: 'oidc' | 'saml',
  config: Record<string, unknown>,
  domain: string,
  secretText?: string,
) => {
  const [row] = await handle.db
    .insert(ssoConnections)
    .values({
      name: protocol,
      protocol,
      enabled: true,
      config,
      secretCiphertext: secretText ? encryptSecretWith(secret, secretText) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await handle.db.insert(ssoDomains).values({ connectionId: row.id, domain });
  return row.id;
};
const oidcId = await connection(
  'oidc',
  { issuer: oidc.issuer, clientId: 'bench', scopes: 'openid email profile', groupsClaim: 'groups' },
  'oidc.bench',
  'bench-secret',
);
const samlId = await connection(
  'saml',
  { ...parseIdpMetadata(saml.metadataXml), metadataUrl: null, groupsAttribute: 'groups', clockSkewSeconds: 120 },
  'saml.bench',
);
await handle.close();

const server = startChild('next start', [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: dbFile,
  AUTH_SECRET: secret,
  AUTH_URL: base,
  APP_URL: base,
  NEXT_TELEMETRY_DISABLED: '1',
});
await waitForHttp(`${base}/api/auth/csrf`, server);

const sessionOf = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith('authjs.session-token='));
async function start(id: number): Promise<URL> {
  const res = await fetch(`${base}/sso/${id}/start`, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`/sso/${id}/start answered ${res.status} without a redirect`);
  return new URL(location, base);
}

async function oidcRoundTrip(): Promise<void> {
  const callback = await signInAtProvider(await start(oidcId), 'ada');
  const res = await fetch(callback, { redirect: 'manual' });
  if (!sessionOf(res)) throw new Error(`the OIDC callback answered ${res.status} without a session`);
}

const hiddenInputs = (html: string) =>
  new URLSearchParams(
    [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    ]),
  );

async function samlRoundTrip(): Promise<void> {
  const atIdp = await start(samlId);
  const page = await (await fetch(atIdp)).text();
  const login = hiddenInputs(page);
  login.set('email', 'sam@saml.bench');
  const answer = await (await fetch(new URL('/sso/login', atIdp), { method: 'POST', body: login })).text();
  const res = await fetch(`${base}/sso/saml/${samlId}/acs`, {
    method: 'POST',
    body: hiddenInputs(answer),
    redirect: 'manual',
  });
  if (!sessionOf(res)) throw new Error(`the ACS answered ${res.status} without a session`);
}

async function measure(roundTrip: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await roundTrip();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = monoMs();
    await roundTrip();
    ms.push(monoMs() - t0);
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] * 10) / 10;
  return { runs: RUNS, p50: pct(50), p95: pct(95), max: pct(100) };
}

const password = await measure(() => signIn(base, 'pat@password.bench', 'bench-password'));
const viaOidc = await measure(oidcRoundTrip);
const viaSaml = await measure(samlRoundTrip);
const ratio = (x: number) => Math.round((x / password.p50) * 100) / 100;

console.log(`\nSign-in round trips on loopback (${RUNS} runs each)\n`);
console.log(
  table(
    ['sign-in', 'p50 (ms)', 'p95 (ms)', 'max (ms)', 'p50 ÷ password p50'],
    [
      ['password (baseline)', password.p50, password.p95, password.max, 1],
      ['OpenID Connect (oidc-provider)', viaOidc.p50, viaOidc.p95, viaOidc.max, ratio(viaOidc.p50)],
      ['SAML 2.0 (samlify IdP)', viaSaml.p50, viaSaml.p95, viaSaml.max, ratio(viaSaml.p50)],
    ],
  ),
);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(
  path.join(root, 'bench-results', 'signin.json'),
  JSON.stringify(
    { password, oidc: viaOidc, saml: viaSaml, ratios: { oidc: ratio(viaOidc.p50), saml: ratio(viaSaml.p50) } },
    null,
    2,
  ),
);
await oidc.close();
await saml.close();
await stopChildren();
process.exit(0);
