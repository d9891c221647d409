import type { Stance } from '@/db/schema/meeting-room';

/** How stances read in the pre-read, the agenda editor and the console. */
export const STANCE_LABEL: Record<Stance, string> = {
  lean_accept: 'Lean accept',
  lean_reject: 'Lean reject',
  unsure: 'Unsure',
};

/** The stances in the order the pre-read offers them. */
export const STANCE_CHOICES = Object.keys(STANCE_LABEL) as Stance[];
