/** The matrix's server actions of delivery records: milestones, the final delivery, and undoing one. */
import { eq } from 'drizzle-orm';
import { deliveryRecords, items } from '../../db/schema';
import { allow, MANAGERS, str, type Row } from './rows';
import { delivery, type Scene } from './scene';

const EDITORS = allow(['admin', 'pm', 'engineer'], 'forbidden');
/** Today in UTC: the scene's kickoff is in the past, and a delivery may not be dated later than tomorrow. */
const today = () => new Date().toISOString().slice(0, 10);

/** The scene's first scheduled item, moved into delivery (or delivered with its record). */
async function inDelivery(s: Scene, opts: { delivered?: boolean } = {}) {
  const d = await delivery(s);
  const item = d.items[0];
  const { db } = s.world;
  await db
    .update(items)
    .set({ status: opts.delivered ? 'delivered' : 'in_delivery' })
    .where(eq(items.id, item.id));
  if (!opts.delivered) return { itemId: item.id, recordId: 0 };
  const [record] = await db
    .insert(deliveryRecords)
    .values({
      itemId: item.id,
      kind: 'final',
      deliveredOn: today(),
      links: [],
      recordedBy: d.owner.id,
      recordedAt: new Date().toISOString(),
    })
    .returning();
  return { itemId: item.id, recordId: record.id };
}

export const DELIVERY_RECORD_ROWS: Row[] = [
  {
    target: 'action recordMilestoneAction',
    case: 'an item in delivery',
    call: async (s) => {
      const { itemId } = await inDelivery(s);
      return {
        action: 'recordMilestoneAction',
        fields: {
          itemId: str(itemId),
          name: 'Pilot',
          deliveredOn: today(),
          releaseNotes: 'Two teams',
          links: 'https://example.com/pilot',
        },
        from: `/items/${itemId}`,
      };
    },
    expect: EDITORS,
  },
  {
    target: 'action markDeliveredAction',
    case: 'an item in delivery',
    call: async (s) => {
      const { itemId } = await inDelivery(s);
      return {
        action: 'markDeliveredAction',
        fields: {
          itemId: str(itemId),
          deliveredOn: today(),
          releaseNotes: 'Shipped',
          links: 'https://example.com/release',
          actualWeeks: '2',
        },
        from: `/items/${itemId}`,
      };
    },
    expect: EDITORS,
  },
  {
    target: 'action undoDeliveryAction',
    case: 'a delivered item',
    call: async (s) => {
      const { itemId, recordId } = await inDelivery(s, { delivered: true });
      return { action: 'undoDeliveryAction', fields: { recordId: str(recordId) }, from: `/items/${itemId}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
];
