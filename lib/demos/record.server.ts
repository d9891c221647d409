import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { demoItems, demos, type Demo, type DemoItem } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { assertNotCancelled, canRecord, loadDemo, logDemoEvent } from './access.server';
import { DemoNotesSchema, ShownItemSchema } from './schema';

/**
 * During or after the demo the presenter (or a pm) records, per item, that it was shown, at what
 * stage, with notes and links. Recording again corrects it; the first time shown is kept.
 */
export async function recordShownItem(
  actor: ActingUser,
  demoId: number,
  itemId: number,
  input: unknown,
  now = new Date(),
): Promise<DemoItem> {
  const data = parseOrThrow(ShownItemSchema, input);
  return transaction(async (tx) => {
    const demo = await loadDemo(tx, demoId);
    if (!canRecord(actor, demo)) throw new ForbiddenError();
    assertNotCancelled(demo);
    const before = first(
      await tx
        .select()
        .from(demoItems)
        .where(and(eq(demoItems.demoId, demoId), eq(demoItems.itemId, itemId))),
    );
    if (!before) throw new NotFoundError('This item on the demo');
    const after = (
      await tx
        .update(demoItems)
        .set({ ...data, shownAt: before.shownAt ?? now.toISOString() })
        .where(and(eq(demoItems.demoId, demoId), eq(demoItems.itemId, itemId)))
        .returning()
    )[0];
    // On the item too, so its history says where and how far it was shown.
    await logEvent(tx, {
      actorId: actor.id,
      type: 'demo.item_shown',
      subjectType: 'item',
      subjectId: itemId,
      data: { demoId, stage: data.stage, links: data.links, notes: data.notes, corrected: Boolean(before.shownAt) },
    });
    return after;
  });
}

/** The presenter's notes on the demo as a whole. */
export async function saveDemoNotes(actor: ActingUser, demoId: number, input: unknown): Promise<Demo> {
  const data = parseOrThrow(DemoNotesSchema, input);
  return transaction(async (tx) => {
    const demo = await loadDemo(tx, demoId);
    if (!canRecord(actor, demo)) throw new ForbiddenError();
    assertNotCancelled(demo);
    const after = (await tx.update(demos).set({ notes: data.notes }).where(eq(demos.id, demoId)).returning())[0];
    await logDemoEvent(tx, actor.id, demoId, 'demo.notes_saved', { notes: data.notes });
    return after;
  });
}
