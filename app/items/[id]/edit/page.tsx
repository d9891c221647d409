import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { estimateText, getItemDetail } from '@/lib/backlog/detail.server';
import { backlogMeta } from '@/lib/backlog/list.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ItemForm } from '@/components/items/item-form';
import { updateItemAction } from '@/app/items/actions';

export const metadata: Metadata = { title: 'Edit item · Quorum' };

export default async function EditItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('item.edit');
  const id = await routeId(params);
  const d = await readForPage(() => getItemDetail(user, id));
  const themes = d.cycle ? (await backlogMeta(user, d.cycle.id)).themes : [];
  const { item } = d;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Edit “{item.title}”</h1>
      <ItemForm
        action={updateItemAction}
        hidden={{ itemId: id }}
        submitLabel="Save changes"
        initial={{ ...item, estimate: estimateText(item), moduleIds: d.modules.map((m) => m.id) }}
        options={{
          ...(await pickerOptions({ departmentIds: [item.departmentId], moduleIds: d.modules.map((m) => m.id) })),
          themeGroups: d.cycle ? [{ label: d.cycle.name, themes }] : [],
        }}
      />
    </div>
  );
}
