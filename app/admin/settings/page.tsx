import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session.server';
import { getMeetingSettings } from '@/lib/meetings/meeting-settings.server';
import { MeetingSettingsForm } from '@/app/admin/settings/_components/meeting-settings-form';

export const metadata: Metadata = { title: 'Meeting settings · Quorum' };

export default async function AdminSettingsPage() {
  const user = await requirePermission('user.manage');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Meeting settings</h1>
      <MeetingSettingsForm initial={await getMeetingSettings(user)} />
    </div>
  );
}
