'use client';
import Link from '@/components/ui/link';
import { DeliveryDialog } from './delivery-dialog';

/** A schedule row's delivery actions: the two dialogs, and the item's delivery history one click away. */
export function DeliveryButtons({
  itemId,
  title,
  kickoffOn,
}: {
  itemId: number;
  title: string;
  kickoffOn: string | null;
}) {
  return (
    <>
      <DeliveryDialog kind="final" itemId={itemId} title={title} kickoffOn={kickoffOn} compact />
      <DeliveryDialog kind="milestone" itemId={itemId} title={title} kickoffOn={kickoffOn} compact />
      <Link href={`/items/${itemId}#delivery`} className="text-xs">
        Deliveries<span className="sr-only"> of {title}</span>
      </Link>
    </>
  );
}
