'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The viewer's IANA time zone, or null while rendering on the server and hydrating (the server
 * cannot know it). useSyncExternalStore switches to the browser's value right after hydration
 * without a mismatch warning.
 */
export function useTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, () => null);
}
