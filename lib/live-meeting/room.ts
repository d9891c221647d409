import type { TimeBoxes } from '@/lib/meetings/time-boxes';
import type { PresentPerson } from '@/lib/realtime/presence';

/**
 * The room around the live meeting, as the console shows it: who is connected, when the current
 * item began, and each item's time box. Pure (types and one function), for the browser too.
 */
export type LiveRoom = {
  present: PresentPerson[];
  /** When the facilitator went to the current item: its countdown starts here. */
  currentItemSince: string | null;
  timeBoxes: TimeBoxes;
};
