import 'server-only';
import { z } from 'zod';
import { loadOrCreateDevSecret } from './dev-secret.server';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1, 'must not be empty').optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APP_URL: z.url('must be a URL such as http://localhost:3000').optional(),
  // Sign-in throttling (decision 11).
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_CLIENT_FREE_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  LOGIN_MAX_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(900),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  // How many proxies in front of Quorum write X-Forwarded-For: 0 (none), or true/false for 1/0.
  TRUST_PROXY: z.preprocess(
    (v) => (v === 'true' ? 1 : v === 'false' || v === '' ? 0 : v),
    z.coerce
      .number({ error: 'must be a number of proxies (0, 1, 2…) or true/false' })
      .int('must be a whole number of proxies')
      .min(0)
      .max(10)
      .default(0),
  ),
  // A session ends after this long without a request, and in any case this long after sign-in.
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(30 * 24 * 60)
    .default(8 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  // How often a live stream sends a heartbeat and re-checks that its viewer's session still holds.
  LIVE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(60).default(15),
  // Unset (or empty, as in a copied .env) → no e-mail is sent: the outbox shows what would have been.
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL such as smtp://localhost:2525' })
      .optional(),
  ),
  // How long a webhook receiver may take to answer, and the first retry's wait (later ones grow from it).
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_FIRST_RETRY_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
  // Requests per minute each personal access token may make to /api/v1.
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  MAIL_FROM: z
    .string()
    .trim()
    .min(3, 'must be a sender such as Quorum <quorum@example.com>')
    .default('Quorum <quorum@localhost>'),
});

export type Env = z.infer<typeof EnvSchema> & { AUTH_SECRET: string };

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
}

let cached: Env | undefined;

/** Validated environment. A bad value stops the app with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment variables:\n${formatIssues(parsed.error)}`);
  }
  let secret = parsed.data.AUTH_SECRET;
  if (!secret) {
    if (parsed.data.NODE_ENV === 'production') {
      throw new Error(
        'AUTH_SECRET is not set. Production refuses to start without it: set AUTH_SECRET to a random string of at least 32 characters (e.g. `openssl rand -base64 32`), or start the demo with `npm start`, which generates one under ./data/.',
      );
    }
    secret = loadOrCreateDevSecret();
  }
  cached = { ...parsed.data, AUTH_SECRET: secret };
  return cached;
}
