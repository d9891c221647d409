import 'server-only';
import { z } from 'zod';
import { db, transaction } from '@/db/client';
import { assertCan } from '@/lib/auth/permissions';
import { logEvent } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { getSetting, setSetting } from '@/lib/settings/settings.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/** The form shows the share as a percentage; it is stored as a fraction. */
const MeetingSettingsSchema = z.object({
  prereadLeadDays: z.coerce
    .number({ error: 'Lead time must be a number of days.' })
    .int('Lead time must be a whole number of days.')
    .min(0, 'Lead time cannot be negative.')
    .max(60, 'Lead time must be at most 60 days.'),
  maxDepartmentSharePercent: z.coerce
    .number({ error: 'Share must be a number.' })
    .min(5, 'Share must be at least 5%.')
    .max(100, 'Share must be at most 100%.'),
});

export async function getMeetingSettings(actor: ActingUser) {
  assertCan(actor, 'user.manage');
  return {
    prereadLeadDays: await getSetting(db, 'prereadLeadDays'),
    maxDepartmentSharePercent: Math.round((await getSetting(db, 'maxDepartmentShare')) * 100),
  };
}

/** Admin only; every change is logged with before and after. */
export async function saveMeetingSettings(actor: ActingUser, input: unknown): Promise<void> {
  assertCan(actor, 'user.manage');
  const data = parseOrThrow(MeetingSettingsSchema, input);
  await transaction(async (tx) => {
    const before = {
      prereadLeadDays: await getSetting(tx, 'prereadLeadDays'),
      maxDepartmentShare: await getSetting(tx, 'maxDepartmentShare'),
    };
    const after = {
      prereadLeadDays: await setSetting(tx, 'prereadLeadDays', data.prereadLeadDays),
      maxDepartmentShare: await setSetting(tx, 'maxDepartmentShare', data.maxDepartmentSharePercent / 100),
    };
    await logEvent(tx, {
      actorId: actor.id,
      type: 'settings.updated',
      subjectType: 'user',
      subjectId: actor.id,
      data: { before, after },
    });
  });
}
