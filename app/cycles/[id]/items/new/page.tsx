import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session.server';
import { backlogMeta } from '@/lib/backlog/list.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { readForPage, routeId } from '@/lib/pages.server';
import { ItemForm } from '@/components/items/item-form';
import { createItemAction } from '@/app/items/actions';

export const metadata: Metadata = { title: 'Add item · Quorum' };

export default async function NewItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('item.create');
  const cycleId = await routeId(params);
  const meta = await readForPage(() => backlogMeta(user, cycleId));
  const options = await pickerOptions();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Add an item to {meta.cycleName}</h1>
      <ItemForm
        action={createItemAction}
        hidden={{ cycleId }}
        submitLabel="Add item"
        canSetRequestor={can(user, 'item.edit')}
        initial={{
          requestorId: user.id,
          departmentId: user.departmentId,
          kind: user.role === 'engineer' ? 'non_functional' : 'feature',
        }}
        options={{ ...options, themeGroups: [{ label: meta.cycleName, themes: meta.themes }] }}
      />
    </div>
  );
}
