import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadOrCreateDevSecret } from './dev-secret.server';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function freshEnv() {
  vi.resetModules();
  return (await import('./env.server')).env;
}

describe('env()', () => {
  it('names the variable whose value is bad', async () => {
    process.env.LOGIN_FREE_FAILURES = 'many';
    const env = await freshEnv();
    expect(() => env()).toThrow(/LOGIN_FREE_FAILURES/);
  });

  it('refuses an APP_URL that is not a URL and a short AUTH_SECRET', async () => {
    process.env.APP_URL = 'localhost';
    process.env.AUTH_SECRET = 'short';
    const env = await freshEnv();
    expect(() => env()).toThrow(/APP_URL[\s\S]*AUTH_SECRET|AUTH_SECRET[\s\S]*APP_URL/);
  });

  it('refuses to run in production without AUTH_SECRET, with a message saying what to do', async () => {
    Object.assign(process.env, { NODE_ENV: 'production' });
    delete process.env.AUTH_SECRET;
    const env = await freshEnv();
    expect(() => env()).toThrow(/AUTH_SECRET is not set\. Production refuses to start without it/);
  });

  it('applies defaults and coerces numbers', async () => {
    delete process.env.LOGIN_FREE_FAILURES;
    process.env.LOGIN_WINDOW_MINUTES = '30';
    const env = await freshEnv();
    expect(env()).toMatchObject({ LOGIN_FREE_FAILURES: 5, LOGIN_WINDOW_MINUTES: 30, TRUST_PROXY: 0 });
  });

  it.each([
    ['true', 1],
    ['false', 0],
    ['', 0],
    ['2', 2],
  ])('reads TRUST_PROXY=%j as %i trusted proxies', async (value, proxies) => {
    process.env.TRUST_PROXY = value;
    const env = await freshEnv();
    expect(env().TRUST_PROXY).toBe(proxies);
  });

  it('refuses a TRUST_PROXY that is not a number of proxies', async () => {
    process.env.TRUST_PROXY = 'yes';
    const env = await freshEnv();
    expect(() => env()).toThrow(/TRUST_PROXY: must be a number of proxies/);
  });
});

describe('loadOrCreateDevSecret', () => {
  it('generates a secret once under the data folder and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-secret-'));
    const first = loadOrCreateDevSecret(path.join(dir, 'data'));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateDevSecret(path.join(dir, 'data'))).toBe(first);
    expect((fs.statSync(path.join(dir, 'data', 'auth-secret')).mode & 0o777).toString(8)).toBe('600');
    fs.rmSync(dir, { recursive: true });
  });
});
