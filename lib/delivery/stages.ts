import type { ItemStatus } from '@/db/schema';
import type { VisibleStatus } from '@/lib/backlog/visible-status';

/**
 * The stages a requestor follows their item through after the decision, in order. Pure, so the
 * request page, the notifications and the tests share one rule.
 */
export const REQUESTOR_STAGES = ['decided', 'scheduled', 'in_delivery', 'delivered', 'feedback'] as const;
export type RequestorStage = (typeof REQUESTOR_STAGES)[number];

export const STAGE_LABEL: Record<RequestorStage, string> = {
  decided: 'Decided',
  scheduled: 'Scheduled',
  in_delivery: 'In delivery',
  delivered: 'Delivered',
  feedback: 'Feedback',
};

/** How far each status takes the item along the stages (-1: not decided yet, or off the path). */
const REACH: Partial<Record<ItemStatus | VisibleStatus, number>> = {
  accepted: 0,
  rejected: 0,
  deferred: 0,
  scheduled: 1,
  in_delivery: 2,
  delivered: 3,
};

export type StageInput = {
  /** The status as the requestor may see it (visible-status rules already applied). */
  status: ItemStatus | VisibleStatus;
  /** Milestones recorded and not undone: a milestone means the work is being delivered. */
  milestones: number;
  /** Any demo feedback on the item. */
  feedback: boolean;
};

export type Step = { stage: RequestorStage; label: string; state: 'done' | 'current' | 'upcoming' };

/**
 * The requestor's current stage, or null while nothing is decided (or the item left the path:
 * withdrawn, merged). Feedback is the last stage: the item is delivered and someone has said what
 * they think of it. Feedback on work in progress (demos show that too) is listed on the request,
 * but does not move the stepper past delivery, which would mark the item delivered before it is.
 */
export function requestorStage(input: StageInput): RequestorStage | null {
  let reach = REACH[input.status] ?? -1;
  if (reach < 0) return null;
  if (input.milestones > 0 && reach >= 1) reach = Math.max(reach, 2);
  if (input.feedback && reach === REQUESTOR_STAGES.indexOf('delivered')) return 'feedback';
  return REQUESTOR_STAGES[reach];
}

/** The stepper: every stage before the current one done, the current one marked, the rest upcoming. */
export function stageSteps(current: RequestorStage | null): Step[] {
  const at = current === null ? -1 : REQUESTOR_STAGES.indexOf(current);
  return REQUESTOR_STAGES.map((stage, i) => ({
    stage,
    label: STAGE_LABEL[stage],
    state: i < at ? 'done' : i === at ? 'current' : 'upcoming',
  }));
}
