import type { DeliveryPanel } from '@/lib/delivery/read.server';
import { personWeeks } from '@/lib/plural';
import { DeliveryDialog } from './delivery-dialog';
import { DeliveryHistory } from './delivery-history';

const SHOWN = ['scheduled', 'in_delivery', 'delivered'];

/** The item page's delivery: record a milestone or the final delivery, and the history. */
export function DeliverySection({ panel }: { panel: DeliveryPanel }) {
  if (!SHOWN.includes(panel.status) && panel.records.length === 0) return null;
  return (
    <section aria-labelledby="delivery-heading" id="delivery" className="space-y-2">
      <h2 id="delivery-heading" className="font-semibold">
        Delivery
      </h2>
      {panel.actualWeeks !== null && <p className="text-sm">Actual effort: {personWeeks(panel.actualWeeks)}</p>}
      {panel.canRecord && (
        <div className="flex flex-wrap gap-2">
          <DeliveryDialog kind="milestone" itemId={panel.itemId} title={panel.title} kickoffOn={panel.kickoffOn} />
          <DeliveryDialog kind="final" itemId={panel.itemId} title={panel.title} kickoffOn={panel.kickoffOn} />
        </div>
      )}
      <DeliveryHistory records={panel.records} title={panel.title} canUndo={panel.canUndo} />
    </section>
  );
}
