'use client';
import { PreferredTimeZone } from './use-time-zone';

/** Gives every time on the page the signed-in person's chosen zone (see useTimeZone). */
export function TimeZoneProvider({ zone, children }: { zone: string | null; children: React.ReactNode }) {
  return <PreferredTimeZone value={zone}>{children}</PreferredTimeZone>;
}
