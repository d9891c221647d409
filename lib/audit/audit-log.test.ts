import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@/db/schema';
import { ForbiddenError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { countRows, db, userWithRole } from '@/lib/testing/db';
import { getAuditCheck, getAuditExport } from './audit-log.server';

const SCRIPT = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'verify-audit-export.mjs');

beforeAll(async () => {
  const pm = await userWithRole('pm');
  for (let i = 0; i < 3; i++)
    await logEvent(db, {
      actorId: pm.id,
      type: 'item.status_changed',
      subjectType: 'item',
      subjectId: 1000 + i,
      // Keys out of order, nesting, unicode and a null: the offline script must hash them alike.
      data: { to: 'accepted', from: 'curated', note: { ü: 'é “q”', a: [2, 1, null] } },
    });
});

async function exportText(): Promise<string> {
  const file = await getAuditExport(await userWithRole('admin'), new Date('2026-11-26T10:00:00.123Z'));
  expect(file.filename).toBe('quorum-audit-20261126T100000Z.jsonl');
  return new Response(file.body).text();
}

/** Runs the auditor's script on an export, as an auditor would. */
function verifyOffline(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quorum-export-'));
  const file = path.join(dir, 'export.jsonl');
  fs.writeFileSync(file, text);
  const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('the audit check and export', () => {
  it('are for admins only', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const actor = await userWithRole(role);
      await expect(getAuditCheck(actor)).rejects.toThrow(ForbiddenError);
      await expect(getAuditExport(actor)).rejects.toThrow(ForbiddenError);
    }
  });

  it('reports the verified row count', async () => {
    expect(await getAuditCheck(await userWithRole('admin'))).toMatchObject({
      ok: true,
      count: await countRows('events'),
    });
  });

  it('exports every row with every column, and the offline script verifies it', async () => {
    const text = await exportText();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(await countRows('events'));
    const last = JSON.parse(lines.at(-1)!);
    expect(Object.keys(last).sort()).toEqual(
      ['actor_id', 'at', 'data', 'hash', 'id', 'prev_hash', 'subject_id', 'subject_type', 'type'].sort(),
    );
    expect(last.data.note.ü).toBe('é “q”');
    expect(last.prev_hash).toBe(JSON.parse(lines.at(-2)!).hash);
    const ok = verifyOffline(text);
    expect(ok.out).toContain(`OK: ${lines.length} events`);
    expect(ok.out).toContain(last.hash);
    expect(ok.status).toBe(0);
  });

  it('lets the offline script name the first changed, removed or reordered line', async () => {
    const lines = (await exportText()).trimEnd().split('\n');
    const rows = lines.map((l) => JSON.parse(l));
    const at = rows.length - 2;
    const id = rows[at].id;

    const changed = lines.slice();
    changed[at] = JSON.stringify({ ...rows[at], data: { ...rows[at].data, to: 'rejected' } });
    expect(verifyOffline(changed.join('\n'))).toMatchObject({ status: 1 });
    expect(verifyOffline(changed.join('\n')).out).toContain(`event ${id}: content wrong`);

    const removed = lines.filter((_, i) => i !== at);
    expect(verifyOffline(removed.join('\n')).out).toContain(`event ${rows[at + 1].id}: link wrong`);

    const swapped = lines.slice();
    [swapped[at], swapped[at + 1]] = [swapped[at + 1], swapped[at]];
    expect(verifyOffline(swapped.join('\n')).out).toContain(`event ${rows[at + 1].id}: link wrong`);
  });
});
