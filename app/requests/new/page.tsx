import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { pickerOptions } from '@/lib/users/directory.server';
import { RequestForm } from './request-form';

export const metadata: Metadata = { title: 'New request · Quorum' };

export default async function NewRequestPage() {
  const user = await requirePermission('request.create');
  const { departments } = await pickerOptions();
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">New request</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          Ask engineering for something. A product manager reviews every request, completes it and puts it on a
          cycle&apos;s agenda; you can follow its status under My requests.
        </p>
      </div>
      <RequestForm departments={departments} defaultDepartmentId={user.departmentId} />
    </div>
  );
}
