import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { type Page } from '@playwright/test';
import pg from 'pg';
import { expect, signIn, test } from './fixtures';
import { mailbox } from './mailbox';
import { currentTitle, decide, vote } from './meeting-steps';
import { startRoundRobinProxy, type RoundRobinProxy } from './multi-process/round-robin-proxy';
import { startOwnServer, type OwnServer } from './own-server';
import type { Person } from './fixtures/world';

/**
 * Quorum on PostgreSQL with three app processes behind one address: a round-robin proxy started
 * here sends each request to the next process, so one browser's page, actions and live stream land
 * on different processes. A pm and two leaders run a meeting; every vote and decision reaches every
 * screen live (LISTEN/NOTIFY between the processes); one process is killed with SIGKILL mid-meeting,
 * and its streams reconnect through the proxy to the others and lose nothing. The outbox mail that
 * was due when the processes started is delivered once each, whichever process claimed it.
 */

const PG_URL = process.env.QUORUM_TEST_PG_URL;
// Several app processes share one database only on PostgreSQL (SQLite is one process's file); `npm test`
// always provides one, so this skips only in a bare `playwright test` run without a cluster.
test.skip(!PG_URL, 'needs PostgreSQL: `npm test` starts a throw-away cluster and passes QUORUM_TEST_PG_URL');
test.describe.configure({ mode: 'serial' });

const root = path.resolve(import.meta.dirname, '..');
const servers: OwnServer[] = [];
let proxy: RoundRobinProxy | undefined;
let databaseName: string | undefined;

type Scene = {
  pm: Person;
  leaders: Person[];
  meeting: { id: number; title: string };
  agenda: string[];
  tag: string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

test.afterAll(async () => {
  await proxy?.close();
  for (const server of servers) await server.stop();
  if (databaseName) await admin((c) => c.query(`drop database if exists ${databaseName} with (force)`));
});

const connection = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /^(Connecting to live updates…|Live updates on|Connection lost — reconnecting…)$/ });
const whoVoted = (page: Page) => page.getByRole('list', { name: 'Who voted what' });
const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

test('three processes on PostgreSQL run one meeting live; a killed one loses nothing; each mail goes once', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  databaseName = `quorum_e2e_multi_${Date.now().toString(36)}`;
  await admin((c) => c.query(`create database ${databaseName}`));
  const url = new URL(PG_URL!);
  url.pathname = `/${databaseName}`;
  const databaseUrl = url.toString();

  // The processes must know the address people use (sign-in callbacks, the API's allowed origin).
  const proxyPort = await freePort();
  const publicUrl = `http://127.0.0.1:${proxyPort}`;
  const env = {
    DATABASE_URL: databaseUrl,
    APP_URL: publicUrl,
    AUTH_URL: publicUrl,
    SMTP_URL: `smtp://localhost:${process.env.E2E_SMTP_PORT ?? 2525}`,
  };
  // The first process migrates the new database; the data is written before the others start, so
  // the due mail is there for all three workers to race for.
  servers.push(await startOwnServer({ demo: false, env }));
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'e2e', 'multi-process', 'seed.ts')],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  expect(seeded.status, seeded.stderr).toBe(0);
  const scene = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as Scene;
  servers.push(await startOwnServer({ demo: false, env }), await startOwnServer({ demo: false, env }));
  proxy = await startRoundRobinProxy({
    port: proxyPort,
    backends: servers.map((s) => Number(new URL(s.baseURL).port)),
  });

  const pages: Page[] = [];
  for (const person of [scene.pm, ...scene.leaders]) {
    const context = await browser.newContext({ baseURL: publicUrl });
    const page = await context.newPage();
    await signIn(page, person);
    pages.push(page);
  }
  const [pm, sales, finance] = pages;
  const leaders = [sales, finance];
  for (const page of pages) {
    await page.goto(`/meetings/${scene.meeting.id}`);
    await expect(connection(page)).toHaveText('Live updates on');
  }
  // Requests reached every process.
  for (const [port, hits] of proxy.hits) expect(hits, `requests served by the process on ${port}`).toBeGreaterThan(0);

  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check();
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  for (const page of pages) await expect(currentTitle(page)).toHaveText(scene.agenda[0]);

  // Item 1: both leaders vote; every screen sees both votes; the decision reaches the leaders.
  await vote(sales, 'Accept', 'Ship it');
  await vote(finance, 'Reject', 'Not this quarter');
  for (const page of pages) {
    await expect(whoVoted(page)).toContainText(`${scene.leaders[0].name}`);
    await expect(whoVoted(page)).toContainText(`${scene.leaders[1].name}`);
  }
  await decide(pm, 'Accepted');
  for (const page of leaders) await expect(page.getByText(/^Decision: Accepted/)).toBeVisible();

  // Item 2, then a crash: the second process dies mid-meeting. Its streams end; the browsers
  // reconnect through the proxy to the others, without a reload, and nothing is missing.
  await pm.getByRole('button', { name: 'Next item →' }).click();
  for (const page of leaders) await expect(currentTitle(page)).toHaveText(scene.agenda[1]);
  await vote(sales, 'Reject', 'Wait for the billing rewrite');
  for (const page of pages) await markDocument(page);
  await servers[1].stop();
  await vote(finance, 'Defer', 'Next quarter');
  for (const page of pages) {
    await expect(connection(page)).toHaveText('Live updates on', { timeout: 30_000 });
    await expect(whoVoted(page)).toContainText('Wait for the billing rewrite');
    await expect(whoVoted(page)).toContainText('Next quarter');
  }
  await decide(pm, 'Rejected', 'The billing rewrite comes first');
  for (const page of pages) {
    await expect(page.getByText(/^Decision: Rejected — Reason: The billing rewrite comes first/)).toBeVisible();
    expect(await sameDocument(page), 'no page was reloaded').toBe(true);
  }

  // Every mail that was due is delivered exactly once, though three workers raced for it.
  const mine = async () => (await mailbox.list(scene.pm.email)).filter((m) => m.subject.endsWith(scene.tag));
  await expect.poll(async () => (await mine()).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // time for a duplicate to show up
  const subjects = (await mine()).map((m) => m.subject);
  expect(subjects).toHaveLength(12);
  expect(new Set(subjects).size).toBe(12);
});
