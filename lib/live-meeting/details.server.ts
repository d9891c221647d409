import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { cycles } from '@/db/schema';

import { itemChanges, type FieldChange } from '@/lib/prereads/changes';
import { currentSnapshotItems } from '@/lib/meetings/snapshot-items.server';
import { renderItemFields } from '@/lib/prereads/fields-html';
import { loadPrereadState } from '@/lib/meetings/preread-state.server';
import { listThreads, type ThreadQuestion } from '@/lib/questions/threads.server';
import { agendaIds, getLiveMeeting } from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/** What the meeting page shows of an agenda item besides its live state. */
export type LiveItemDetail = {
  id: number;
  title: string;
  theme: string;
  /** The item's fields now, as escaped markup (lib/prereads/fields-html.ts escapes every value). */
  fieldsHtml: string;
  /** Against what the attendees were last sent; empty when unchanged or never sent. */
  changes: FieldChange[];
  sentInPreread: boolean;
  questions: ThreadQuestion[];
};

/**
 * Every agenda item's fields, changes since the pre-read and questions and answers, for the live
 * page. Read once per page load: they do not move during a meeting (the live state does).
 */
export async function liveItemDetails(actor: ActingUser, meetingId: number): Promise<Record<number, LiveItemDetail>> {
  return transaction(async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    const ids = await agendaIds(tx, meetingId);
    const sizes = first(
      await tx.select({ sizeWeeks: cycles.sizeWeeks }).from(cycles).where(eq(cycles.id, meeting.cycleId)),
    )?.sizeWeeks ?? { XS: 0, S: 0, M: 0, L: 0, XL: 0 };
    const current = await currentSnapshotItems(tx, ids, sizes);
    const sent = new Map(((await loadPrereadState(tx, meetingId))?.snapshot.items ?? []).map((i) => [i.id, i]));
    const threads = await listThreads(tx, meeting, ids, actor);
    return Object.fromEntries(
      current.map((item): [number, LiveItemDetail] => {
        const before = sent.get(item.id);
        return [
          item.id,
          {
            id: item.id,
            title: item.title,
            theme: item.theme ?? '',
            fieldsHtml: renderItemFields(item),
            changes: before && item.version > before.version ? itemChanges(before, item) : [],
            sentInPreread: before !== undefined,
            questions: threads[item.id] ?? [],
          },
        ];
      }),
    );
  });
}
