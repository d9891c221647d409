/**
 * What the bad-input suite sends wrong: every server action and every API route, each from a valid
 * call of the authorization matrix (the row named by `from`, made as a person allowed to make it),
 * with the kind of each of its fields. A target with no input to get wrong says so (`kinds: {}`).
 */
import type { Role } from '../../db/schema';
import type { FieldKind } from './mutations';
import { PEOPLE_BAD_INPUT_TARGETS } from './targets-people';
import { SSO_BAD_INPUT_TARGETS } from './targets-sso';
import { DEMO_BAD_INPUT_TARGETS } from './targets-demos';
import { DELIVERY_RECORD_BAD_INPUT_TARGETS } from './targets-delivery-records';
import { IMPORT_BAD_INPUT_TARGETS } from './targets-import';
import { WEBHOOK_BAD_INPUT_TARGETS } from './targets-webhooks';
import { ROADMAP_BAD_INPUT_TARGETS } from './targets-roadmap';
import { EXPORT_BAD_INPUT_TARGETS } from './targets-export';
import { API_TOKEN_BAD_INPUT_TARGETS } from './targets-api-tokens';
import { RANKING_BAD_INPUT_TARGETS } from './targets-ranking';
import { MESSAGE_BAD_INPUT_TARGETS } from './targets-messages';
import { AGENDA_BAD_INPUT_TARGETS } from './targets-agenda';
import { NFR_BAD_INPUT_TARGETS } from './targets-nfr';
import { SCORING_BAD_INPUT_TARGETS } from './targets-scoring';
import { CURATION_BAD_INPUT_TARGETS } from './targets-curation';
import { MAP_BAD_INPUT_TARGETS } from './targets-map';
import { REVIEW_BAD_INPUT_TARGETS } from './targets-review';

export type BadInputTarget = {
  target: string;
  /** The matrix row (its case) whose call is the valid one the mutations start from. */
  from: string;
  as: Role;
  kinds: Record<string, FieldKind>;
};

const cycleForm: Record<string, FieldKind> = {
  name: 'line',
  cadence: 'enum',
  startsOn: 'date',
  endsOn: 'date',
  capacityWeeks: 'num',
  size_M: 'num',
};
const itemForm: Record<string, FieldKind> = { title: 'line', kind: 'enum', departmentId: 'id', sme: 'line?' };
const meetingForm: Record<string, FieldKind> = {
  title: 'line',
  scheduledAt: 'when',
  facilitatorId: 'id',
  durationMinutes: 'num?',
  location: 'line?',
};

export const BAD_INPUT_TARGETS: BadInputTarget[] = [
  // Server actions.
  { target: 'action signInAction', from: 'a wrong password', as: 'pm', kinds: { email: 'line' } },
  { target: 'action signOutAction', from: 'their own session', as: 'pm', kinds: {} },
  {
    target: 'action setActiveAction',
    from: 'deactivate a leader',
    as: 'admin',
    kinds: { userId: 'id', active: 'enum' },
  },
  { target: 'action endSessionsAction', from: "a leader's sessions", as: 'admin', kinds: { userId: 'id' } },
  {
    target: 'action changeRoleAction',
    from: 'a leader becomes an engineer',
    as: 'admin',
    kinds: { userId: 'id', role: 'enum' },
  },
  {
    target: 'action resetPasswordAction',
    from: 'a requestor who lost theirs',
    as: 'admin',
    kinds: { userId: 'id', password: 'line' },
  },
  {
    target: 'action saveSettingsAction',
    from: 'meeting defaults',
    as: 'admin',
    kinds: { prereadLeadDays: 'num', maxDepartmentSharePercent: 'num' },
  },
  { target: 'action retryOutboxAction', from: 'an unknown message', as: 'admin', kinds: { id: 'id' } },
  { target: 'action createCycleAction', from: 'a new cycle', as: 'pm', kinds: cycleForm },
  { target: 'action updateCycleAction', from: 'a planning cycle', as: 'pm', kinds: { cycleId: 'id', ...cycleForm } },
  {
    target: 'action addThemeAction',
    from: 'a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', name: 'line', metricName: 'line?', metricUnit: 'line?' },
  },
  {
    target: 'action updateThemeAction',
    from: 'a theme of a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', themeId: 'id', name: 'line', metricName: 'line?', metricUnit: 'line?' },
  },
  {
    target: 'action themeCommandAction',
    from: 'remove a theme',
    as: 'pm',
    kinds: { cycleId: 'id', themeId: 'id', command: 'enum' },
  },
  { target: 'action createItemAction', from: 'into a planning cycle', as: 'pm', kinds: { cycleId: 'id', ...itemForm } },
  {
    target: 'action updateItemAction',
    from: 'a curated item of a cycle',
    as: 'pm',
    kinds: { itemId: 'id', version: 'ver', requestorId: 'id', ...itemForm },
  },
  {
    target: 'action setStatusAction',
    from: 'a curated item: deferred',
    as: 'pm',
    kinds: { itemId: 'id', version: 'ver', status: 'enum' },
  },
  {
    target: 'action createRequestAction',
    from: 'a new request',
    as: 'requestor',
    kinds: { title: 'line', departmentId: 'id' },
  },
  { target: 'action withdrawRequestAction', from: 'their own request', as: 'requestor', kinds: { itemId: 'id' } },
  {
    target: 'action triageRequestAction',
    from: 'a submitted request into a cycle',
    as: 'pm',
    kinds: { itemId: 'id', version: 'ver', cycleId: 'id', ...itemForm },
  },
  {
    target: 'action createMeetingAction',
    from: 'a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', ...meetingForm },
  },
  {
    target: 'action updateMeetingAction',
    from: 'a planned meeting, invited',
    as: 'pm',
    kinds: { meetingId: 'id', ...meetingForm },
  },
  {
    target: 'action setAttendeesAction',
    from: 'a planned meeting, invited',
    as: 'pm',
    kinds: { meetingId: 'id', attendee: 'ids' },
  },
  {
    target: 'action setAgendaAction',
    from: 'a planned meeting, invited',
    as: 'pm',
    kinds: { meetingId: 'id', itemId: 'ids', consent: 'ids' },
  },
  {
    target: 'action distributeAction',
    from: 'a planned meeting, invited',
    as: 'pm',
    kinds: { meetingId: 'id', note: 'text?' },
  },
  {
    target: 'action sendUpdateAction',
    from: 'pre-read out, an item changed since, invited',
    as: 'pm',
    kinds: { meetingId: 'id' },
  },
  {
    target: 'action remindAction',
    from: 'pre-read out, an item changed since, invited',
    as: 'pm',
    kinds: { meetingId: 'id' },
  },
  {
    target: 'action askQuestionAction',
    from: 'invited, pre-read out',
    as: 'leader',
    kinds: { meetingId: 'id', itemId: 'id', body: 'text' },
  },
  {
    target: 'action answerQuestionAction',
    from: 'SME of the item, not invited',
    as: 'engineer',
    kinds: { meetingId: 'id', questionId: 'id', body: 'text' },
  },
  { target: 'action resolveQuestionAction', from: 'invited', as: 'pm', kinds: { meetingId: 'id', questionId: 'id' } },
  {
    target: 'action generatePeriodsAction',
    from: 'a cycle without periods',
    as: 'pm',
    kinds: { cycleId: 'id', kind: 'enum' },
  },
  {
    target: 'action updatePeriodAction',
    from: 'a period',
    as: 'pm',
    kinds: { cycleId: 'id', periodId: 'id', name: 'line', capacityWeeks: 'num' },
  },
  {
    target: 'action setEntryAction',
    from: 'a scheduled item',
    as: 'pm',
    kinds: { cycleId: 'id', itemId: 'id', kickoffOn: 'date', version: 'ver' },
  },
  {
    target: 'action moveDeliveryAction',
    from: 'a scheduled item',
    as: 'pm',
    kinds: { cycleId: 'id', itemId: 'id', to: 'enum' },
  },
  { target: 'action publishScheduleAction', from: 'a cycle in delivery', as: 'pm', kinds: { cycleId: 'id' } },
  {
    target: 'action raiseFlagAction',
    from: 'a scheduled item of a published schedule',
    as: 'leader',
    kinds: { cycleId: 'id', itemId: 'id', kind: 'enum', body: 'text' },
  },
  {
    target: 'action resolveFlagAction',
    from: "a flag on someone else's item",
    as: 'pm',
    kinds: { cycleId: 'id', flagId: 'id', note: 'text' },
  },
  {
    target: 'action publishOutcomeAction',
    from: 'a cycle whose meeting has not ended',
    as: 'pm',
    kinds: { cycleId: 'id', note: 'text?' },
  },
  {
    target: 'action raiseChangeRequestAction',
    from: 'a cycle in delivery',
    as: 'pm',
    kinds: { cycleId: 'id', title: 'line', whyNow: 'text', urgency: 'enum', kind: 'enum', incomingPosition: 'num' },
  },
  {
    target: 'action amendChangeRequestAction',
    from: 'raised by the pm, after a dissent',
    as: 'pm',
    kinds: { changeRequestId: 'id', whyNow: 'text', urgency: 'enum', incomingPosition: 'num' },
  },
  {
    target: 'action conveneSessionAction',
    from: 'an open change request',
    as: 'pm',
    kinds: { changeRequestId: 'id', mode: 'enum', inviteeIds: 'ids' },
  },
  {
    target: 'action respondAction',
    from: 'invited to the session',
    as: 'leader',
    kinds: { changeRequestId: 'id', sessionId: 'id', response: 'enum' },
  },
  {
    target: 'action closeSessionAction',
    from: 'a live session',
    as: 'pm',
    kinds: { changeRequestId: 'id', sessionId: 'id' },
  },
  {
    target: 'action approveAction',
    from: 'its session closed without a response',
    as: 'pm',
    kinds: { changeRequestId: 'id', justification: 'text?' },
  },
  {
    target: 'action declineAction',
    from: 'an open change request',
    as: 'pm',
    kinds: { changeRequestId: 'id', reason: 'text' },
  },
  {
    target: 'action withdrawAction',
    from: 'raised by someone else (the pm)',
    as: 'pm',
    kinds: { changeRequestId: 'id', withdrawNote: 'text?' },
  },
  { target: 'action markReadAction', from: 'their own notification', as: 'leader', kinds: { id: 'id' } },
  { target: 'action markAllReadAction', from: 'their own notifications', as: 'leader', kinds: {} },
  { target: 'action saveEmailPrefsAction', from: 'their own settings', as: 'leader', kinds: { kinds: 'ids' } },
  { target: 'action signOutEverywhereAction', from: 'their own sessions', as: 'leader', kinds: {} },

  // The JSON API: its bodies, and the ids in its paths.
  {
    target: 'POST /api/items',
    from: 'into a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', title: 'line', kind: 'enum', departmentId: 'id' },
  },
  {
    target: 'PATCH /api/items/[id]',
    from: 'a curated item of a cycle',
    as: 'pm',
    kinds: { version: 'ver', title: 'line', kind: 'enum', requestorId: 'id', departmentId: 'id' },
  },
  {
    target: 'PATCH /api/items/[id]/cell',
    from: 'the estimate of a curated item',
    as: 'pm',
    kinds: { version: 'ver', field: 'enum' },
  },
  { target: 'POST /api/items/[id]/status', from: 'a curated item: deferred', as: 'pm', kinds: { status: 'enum' } },
  {
    target: 'POST /api/meetings/[id]/live',
    from: 'vote on the current item, invited',
    as: 'leader',
    kinds: { action: 'enum', itemId: 'id', choice: 'enum' },
  },
  { target: 'POST /api/meetings/[id]/preread', from: 'a planned meeting', as: 'pm', kinds: {} },
  // The preview answers a half-filled form with its errors as data (it runs while the user types):
  // only a body that is not a form at all, and the path, are refused.
  { target: 'POST /api/cycles/[id]/changes/preview', from: 'a cycle in delivery', as: 'pm', kinds: {} },
  { target: 'POST /api/change-requests/[id]/preview', from: 'raised by the pm, after a dissent', as: 'pm', kinds: {} },
  { target: 'GET /api/items/[id]', from: 'a curated item of a cycle', as: 'pm', kinds: {} },
  { target: 'GET /api/cycles/[id]/items', from: 'a planning cycle', as: 'pm', kinds: {} },
  { target: 'GET /api/cycles/[id]/schedule', from: 'published', as: 'pm', kinds: {} },
  { target: 'GET /api/meetings/[id]/live', from: 'invited, live', as: 'pm', kinds: {} },
  { target: 'GET /api/meetings/[id]/events', from: 'invited', as: 'pm', kinds: {} },
  { target: 'GET /api/change-requests/[id]/events', from: 'raised by the pm, nobody invited', as: 'pm', kinds: {} },
  { target: 'GET /cycles/[id]/outcome/export', from: 'published', as: 'pm', kinds: {} },
  { target: 'GET /notifications/[id]', from: 'their own notification', as: 'leader', kinds: {} },
  { target: 'GET /admin/audit/export', from: 'the log download', as: 'admin', kinds: {} },
  ...PEOPLE_BAD_INPUT_TARGETS,
  ...SSO_BAD_INPUT_TARGETS,
  ...NFR_BAD_INPUT_TARGETS,
  ...DEMO_BAD_INPUT_TARGETS,
  ...CURATION_BAD_INPUT_TARGETS,
  ...DELIVERY_RECORD_BAD_INPUT_TARGETS,
  ...MAP_BAD_INPUT_TARGETS,
  ...RANKING_BAD_INPUT_TARGETS,
  ...IMPORT_BAD_INPUT_TARGETS,
  ...WEBHOOK_BAD_INPUT_TARGETS,
  ...ROADMAP_BAD_INPUT_TARGETS,
  ...EXPORT_BAD_INPUT_TARGETS,
  ...API_TOKEN_BAD_INPUT_TARGETS,
  ...MESSAGE_BAD_INPUT_TARGETS,
  ...AGENDA_BAD_INPUT_TARGETS,
  ...SCORING_BAD_INPUT_TARGETS,
  ...REVIEW_BAD_INPUT_TARGETS,
];
