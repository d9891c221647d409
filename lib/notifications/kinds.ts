import type { NotificationKind } from '@/db/schema';

/**
 * What each kind of notification is called in the settings and the inbox. Pure (type-only import),
 * so client components can show the labels too. `satisfies` makes a new kind without a label a
 * type error rather than an unlabelled checkbox.
 */
export const NOTIFICATION_KIND_LABELS = {
  'preread.distributed': 'A pre-read is sent to me',
  'preread.updated': 'A pre-read I received is updated',
  'preread.reminder': 'Reminders to read a pre-read',
  'question.asked': 'A question is asked on an item I answer for',
  'question.answered': 'A question I follow is answered',
  'question.resolved': 'A question I follow is resolved',
  'outcome.published': 'The outcome of a meeting I have an item in is published',
  'schedule.published': 'A delivery schedule I am part of is published or changed',
  'schedule.flagged': 'A question or problem is raised on an item I own or schedule',
  'change.session_convened': 'I am invited to an emergency session',
  'change.decided': 'A change request that affects me is decided',
  'change.raised': 'A change request is raised (product managers)',
  'change.responded': 'A leader responds in an emergency session (product managers)',
  'change.rule_met': "An emergency session's decision rule is met (product managers)",
  'change.deadline_passed': "An emergency session's response deadline passes (product managers)",
  'demo.invited': 'I am invited to a sprint demo, or it changes',
  'demo.feedback': 'Feedback is given on an item I own shown at a demo',
  'request.triaged': 'A request of mine is declined, merged into another or needs more information',
  'item.stage_changed': 'An item I requested is scheduled, goes into delivery, is delivered or has its first feedback',
  'item.dropped': 'An item I asked for is dropped after its cycle closes',
} as const satisfies Record<NotificationKind, string>;

export function kindLabel(kind: string): string {
  return (NOTIFICATION_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}
