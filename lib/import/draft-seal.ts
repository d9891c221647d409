import crypto from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { IMPORT_SOURCES } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { COLUMN_MAPPINGS, IMPORT_FIELDS } from './fields';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './read-source';

/**
 * An import between its steps. The parsed rows, the mapping, the options and the pm's corrections
 * travel in a hidden form field, compressed and MAC'd with a key derived from AUTH_SECRET, and bound
 * to the cycle and the person: the server reads back only what it wrote, so nothing the browser
 * sends about the file is trusted, and no half-finished import is kept in the database. Each step
 * normalises the rows again from this source against the current themes, people and items.
 */
const DRAFT_HOURS = 8;

const cell = z.string().max(10_000);
const DraftSchema = z.object({
  v: z.literal(1),
  cycleId: z.number().int().positive(),
  actorId: z.number().int().positive(),
  expiresAt: z.number().int(),
  source: z.enum(IMPORT_SOURCES),
  fileName: z.string().max(255),
  sheets: z.array(z.string().max(255)).max(255),
  sheet: z.string().max(255),
  notes: z.array(z.string().max(500)).max(20),
  headers: z.array(z.string().max(10_000)).max(MAX_IMPORT_COLUMNS),
  rows: z.array(z.array(cell).max(MAX_IMPORT_COLUMNS)).max(MAX_IMPORT_ROWS),
  mapping: z.array(z.enum(COLUMN_MAPPINGS)).max(MAX_IMPORT_COLUMNS),
  options: z.object({
    createThemes: z.boolean(),
    createDepartments: z.boolean(),
    createModules: z.boolean(),
    fallbackDepartmentId: z.number().int().positive(),
  }),
  edits: z.record(z.string().regex(/^[1-9]\d{0,4}$/), z.partialRecord(z.enum(IMPORT_FIELDS), cell)),
});
export type Draft = z.infer<typeof DraftSchema>;

const STALE = 'This import preview is out of date or was changed: upload the file again.';

function mac(serverSecret: string, payload: string): string {
  const key = Buffer.from(crypto.hkdfSync('sha256', serverSecret, 'quorum', 'import-drafts', 32));
  return crypto.createHmac('sha256', key).update(payload).digest('base64url');
}

/** Takes the server secret as an argument (draft.server.ts supplies AUTH_SECRET) so test fixtures can seal what the server will open. */
export function sealDraftWith(serverSecret: string, draft: Omit<Draft, 'v' | 'expiresAt'>): string {
  const full: Draft = { ...draft, v: 1, expiresAt: Date.now() + DRAFT_HOURS * 3_600_000 };
  const payload = gzipSync(JSON.stringify(full)).toString('base64url');
  return `${payload}.${mac(serverSecret, payload)}`;
}

/** The draft a token holds, when this server made it for this person and cycle and it has not expired. */
export function openDraftWith(serverSecret: string, token: string, actorId: number, cycleId: number): Draft {
  const [payload, tag, extra] = token.split('.');
  const fail = () => new ValidationError({ draft: [STALE] }, STALE);
  if (!payload || !tag || extra !== undefined) throw fail();
  const expected = Buffer.from(mac(serverSecret, payload));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw fail();
  let json: unknown;
  try {
    json = JSON.parse(
      gunzipSync(Buffer.from(payload, 'base64url'), { maxOutputLength: 64 * 1024 * 1024 }).toString('utf8'),
    );
  } catch {
    throw fail();
  }
  const parsed = DraftSchema.safeParse(json);
  if (!parsed.success) throw fail();
  const draft = parsed.data;
  if (draft.actorId !== actorId || draft.cycleId !== cycleId || draft.expiresAt < Date.now()) throw fail();
  return draft;
}
