import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { first } from '@/db/rows';

/** Settings with their defaults; an admin may change them (stored as JSON in `settings`). */
export const SETTINGS = {
  /** The pre-read should go out at least this many days before the meeting. */
  prereadLeadDays: { schema: z.number().int().min(0).max(60), default: 7 },
  /** Warn when one department holds more than this share of a meeting's voters. */
  maxDepartmentShare: { schema: z.number().min(0.05).max(1), default: 0.4 },
  /** With SSO enforced, admins may still sign in with a password (each use is logged), so a broken IdP locks no one out. */
  breakGlassAdmins: { schema: z.boolean(), default: true },
} as const;
export type SettingKey = keyof typeof SETTINGS;

type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(tx: Executor, key: K): Promise<SettingValue<K>> {
  const row = first(await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)));
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return (parsed.success ? parsed.data : SETTINGS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(tx: Executor, key: K, value: unknown): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].schema.parse(value) as SettingValue<K>;
  await tx
    .insert(settings)
    .values({ key, value: parsed })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed } });
  return parsed;
}
