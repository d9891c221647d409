import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { first } from '@/db/rows';
import { itemScoreInputs, items } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { computeScore, type Score } from './formulas';
import { INPUT_LABEL, inputProblem, inputSpec, modelOf, type InputKey, type ModelSpec } from './models';
import { ScoreRowSchema } from './schema';
import {
  canSetInput,
  inputsOfCycle,
  scorableItems,
  UNSCORED_STATUSES,
  valuesOf,
  type GivenInput,
} from './scores.server';
import { loadScoringSettings, type ScoringSettings } from './settings.server';

export type ScoreSheetRow = {
  id: number;
  title: string;
  effectiveWeeks: number | null;
  given: Partial<Record<InputKey, GivenInput>>;
  score: Score;
};

export type ScoreSheet = {
  cycleId: number;
  model: ModelSpec | null;
  owners: ScoringSettings['owners'];
  /** The inputs this viewer may set. */
  editable: InputKey[];
  rows: ScoreSheetRow[];
};

/** The scores page: every scorable item with its given inputs, and which inputs the viewer may fill. */
export async function getScoreSheet(actor: ActingUser, cycleId: number): Promise<ScoreSheet> {
  assertCan(actor, 'backlog.view');
  const settings = await loadScoringSettings(db, cycleId);
  const model = modelOf(settings.model);
  if (!model) return { cycleId, model, owners: settings.owners, editable: [], rows: [] };
  const given = await inputsOfCycle(db, cycleId);
  const rows = (await scorableItems(db, cycleId)).map((item) => {
    const mine = given.get(item.id);
    return {
      id: item.id,
      title: item.title,
      effectiveWeeks: item.effectiveWeeks,
      given: Object.fromEntries(mine ?? []) as ScoreSheetRow['given'],
      score: computeScore(model, valuesOf(mine), item.effectiveWeeks),
    };
  });
  const editable = model.inputs.map((i) => i.key).filter((key) => canSetInput(actor, settings.owners, key));
  return { cycleId, model, owners: settings.owners, editable, rows };
}

/** What a typed value means: a number, null to clear, or NaN when it is not a plain decimal. */
function parseTyped(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Sets the inputs of one item that the form sends (`values`: input key → typed text, "" clears).
 * Each must belong to the cycle's model and be owned by the actor's role (pm and admin own all);
 * every value is checked before anything is written, and each change is logged as
 * item.score_input_set in the same transaction. A score never touches status, rank or decisions.
 */
export async function setScoreInputs(actor: ActingUser, input: unknown): Promise<{ itemId: number; changed: number }> {
  assertCan(actor, 'backlog.view');
  const { cycleId, itemId, values } = parseOrThrow(ScoreRowSchema, input);
  return transaction(async (tx) => {
    const item = first(
      await tx
        .select({ id: items.id, title: items.title, cycleId: items.cycleId, status: items.status })
        .from(items)
        .where(eq(items.id, itemId)),
    );
    if (!item || item.cycleId !== cycleId || UNSCORED_STATUSES.includes(item.status))
      throw new NotFoundError('This item');
    const settings = await loadScoringSettings(tx, cycleId);
    const model = modelOf(settings.model);
    if (!model) throw new ConflictError('This cycle has no scoring model: a pm chooses one in the cycle settings.');
    const errors: FieldErrors = {};
    const parsed: [InputKey, number | null][] = [];
    for (const [key, raw] of Object.entries(values) as [InputKey, string][]) {
      const spec = inputSpec(model, key);
      const name = `${spec?.label ?? INPUT_LABEL[key] ?? key} for “${item.title}”`;
      if (!spec) {
        errors[`input_${key}`] = [`${name} is not an input of ${model.name}.`];
        continue;
      }
      if (!canSetInput(actor, settings.owners, key))
        throw new ForbiddenError(`Only a ${settings.owners[key]} (or a pm) may set ${spec.label}.`);
      const value = parseTyped(raw);
      const problem = value === null ? null : inputProblem(spec, value, name);
      if (problem) errors[`input_${key}`] = [problem];
      else parsed.push([key, value]);
    }
    if (Object.keys(errors).length) throw new ValidationError(errors, Object.values(errors).flat().join(' '));
    const now = new Date().toISOString();
    let changed = 0;
    for (const [key, value] of parsed) {
      const where = and(eq(itemScoreInputs.itemId, itemId), eq(itemScoreInputs.input, key));
      const before = first(await tx.select({ value: itemScoreInputs.value }).from(itemScoreInputs).where(where));
      const from = before ? Number(before.value) : null;
      if (from === value) continue;
      if (value === null) await tx.delete(itemScoreInputs).where(where);
      else
        await tx
          .insert(itemScoreInputs)
          .values({ itemId, input: key, value, setBy: actor.id, setAt: now })
          .onConflictDoUpdate({
            target: [itemScoreInputs.itemId, itemScoreInputs.input],
            set: { value, setBy: actor.id, setAt: now },
          });
      await logEvent(tx, {
        actorId: actor.id,
        type: 'item.score_input_set',
        subjectType: 'item',
        subjectId: itemId,
        data: { model: model.key, input: key, from, to: value },
      });
      changed++;
    }
    return { itemId, changed };
  });
}
