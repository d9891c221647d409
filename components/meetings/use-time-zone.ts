'use client';
import { createContext, useContext, useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zone the signed-in person chose in their settings, or null (not set, or nobody signed in). */
export const PreferredTimeZone = createContext<string | null>(null);

/**
 * The browser's IANA time zone, or null while rendering on the server and hydrating (the server
 * cannot know it). useSyncExternalStore switches to the browser's value right after hydration
 * without a mismatch warning. Date inputs use this one: the browser converts their values in its own zone.
 */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, () => null);
}

/**
 * The zone every time is shown to this viewer in: the one they chose, or else the browser's. A chosen
 * zone is known on the server too, so the first render already names it.
 */
export function useTimeZone(): string | null {
  const preferred = useContext(PreferredTimeZone);
  const browser = useBrowserTimeZone();
  return preferred ?? browser;
}
