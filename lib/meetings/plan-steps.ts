import { plural } from '@/lib/plural';

/** The steps of planning a meeting, in the order a pm takes them. */
export const PLAN_STEPS = ['details', 'attendees', 'agenda', 'preread'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

export const PLAN_STEP_LABEL: Record<PlanStep, string> = {
  details: 'Details',
  attendees: 'Attendees',
  agenda: 'Agenda',
  preread: 'Pre-read',
};

export type PlanStepStatus = {
  step: PlanStep;
  label: string;
  /** What the step holds now, in words ("3 attendees", "Not distributed"). */
  status: string;
  done: boolean;
};

export type PlanFacts = {
  location: string;
  attendees: number;
  voters: number;
  agendaItems: number;
  preread: { late: boolean } | null;
  /** Attendees who have opened the pre-read, and how many were sent it. */
  reads: { read: number; of: number };
};

/** Each step with its status, from what the meeting holds. */
export function planStepStatuses(facts: PlanFacts): PlanStepStatus[] {
  const observers = facts.attendees - facts.voters;
  const status: Record<PlanStep, { status: string; done: boolean }> = {
    details: facts.location.trim()
      ? { status: 'Complete', done: true }
      : // Everything else is required when the meeting is scheduled; a place is the one thing that may be missing.
        { status: 'No location yet', done: false },
    attendees:
      facts.attendees === 0
        ? { status: 'No attendees yet', done: false }
        : {
            status: `${plural(facts.attendees, 'attendee')}${observers ? ` (${plural(observers, 'observer')})` : ''}`,
            done: facts.voters > 0,
          },
    agenda:
      facts.agendaItems === 0
        ? { status: 'No items yet', done: false }
        : { status: plural(facts.agendaItems, 'item'), done: true },
    preread: !facts.preread
      ? { status: 'Not distributed', done: false }
      : {
          status: `${facts.preread.late ? 'Sent late' : 'Sent'} · ${facts.reads.read} of ${facts.reads.of} read`,
          done: true,
        },
  };
  return PLAN_STEPS.map((step) => ({ step, label: PLAN_STEP_LABEL[step], ...status[step] }));
}

/** The step named in the address, or null for none or an unknown one. */
export function parsePlanStep(value: unknown): PlanStep | null {
  return typeof value === 'string' && (PLAN_STEPS as readonly string[]).includes(value) ? (value as PlanStep) : null;
}

/** Where a pm opening the plan starts: the first step with something left to do (the pre-read once all are). */
export function nextPlanStep(statuses: PlanStepStatus[]): PlanStep {
  // Details are filled in when the meeting is scheduled: a missing place does not need to come first.
  return statuses.find((s) => !s.done && s.step !== 'details')?.step ?? 'preread';
}
