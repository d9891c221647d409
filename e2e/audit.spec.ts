import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

/**
 * The admin's audit page shows the hash-chain check; the export downloads the log as JSON Lines that
 * the dependency-free offline script verifies; nobody else may see either.
 */

const run = promisify(execFile);

test('an admin sees the chain verified, downloads the log and verifies it offline', async ({ signedInAs }) => {
  const admin = await signedInAs('admin');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(admin.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  await expect(admin.getByRole('status')).toHaveText(/^Verified: \d+ events, every one matching its hash/);

  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('link', { name: 'Download the event log (JSON Lines)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^quorum-audit-\d{8}T\d{6}Z\.jsonl$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-audit-e2e-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(Object.keys(JSON.parse(lines[0])).sort()).toEqual(
      ['actor_id', 'at', 'data', 'hash', 'id', 'prev_hash', 'subject_id', 'subject_type', 'type'].sort(),
    );
    const { stdout } = await run(process.execPath, ['scripts/verify-audit-export.mjs', file]);
    expect(stdout).toContain(`OK: ${lines.length} events, the hash chain verifies.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the audit page and export are for admins only', async ({ signedInAs, playwright, baseURL }) => {
  const pm = await signedInAs('pm');
  await expect(pm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  const page = await pm.goto('/admin/audit');
  expect(page?.status()).toBe(403);
  await expect(pm.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  expect((await pm.request.get('/admin/audit/export')).status()).toBe(403);

  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get('/admin/audit/export', { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  await anonymous.dispose();
});
