/**
 * The matrix's server actions: who may call each, by role and by what they own or were invited to.
 * Meetings and delivery have files of their own.
 */
import { eq } from 'drizzle-orm';
import { themes } from '../../db/schema';
import { allow, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import { cycle, delivery, item, meOr, notification, other, type Scene } from './scene';
import { MEETING_ACTION_ROWS } from './matrix-actions-meetings';
import { DELIVERY_ACTION_ROWS } from './matrix-actions-delivery';
import { DEMO_ROWS } from './matrix-demos';
import { DELIVERY_RECORD_ROWS } from './matrix-delivery-records';
import { AGENDA_ACTION_ROWS } from './matrix-agenda';
import { EXPORT_ROWS } from './matrix-export';
import { PEOPLE_ROWS } from './matrix-people';
import { SSO_ROWS } from './matrix-sso';
import { WEBHOOK_ROWS } from './matrix-webhooks';
import { ROADMAP_ROWS } from './matrix-roadmap';
import { API_TOKEN_ROWS } from './matrix-api-tokens';
import { IMPORT_ROWS } from './matrix-import';
import { MESSAGE_ROWS } from './matrix-messages';
import { NFR_ROWS } from './matrix-nfr';
import { SCORING_ROWS } from './matrix-scoring';
import { CURATION_ROWS } from './matrix-curation';
import { REVIEW_ROWS } from './matrix-review';
import { first } from '../../db/rows';

const ADMIN = ['admin'] as const;

const itemFields = (s: Scene) => ({
  title: s.world.named('New item'),
  kind: 'feature',
  description: 'What it is.',
  businessBenefit: 'Why it matters.',
  departmentId: str(s.pm.departmentId),
});

const cycleFields = (s: Scene) => ({
  name: s.world.named('Cycle from the form'),
  cadence: 'quarter',
  startsOn: '2027-04-05',
  endsOn: '2027-06-25',
  capacityWeeks: '40',
  size_XS: '0.5',
  size_S: '1',
  size_M: '3',
  size_L: '6',
  size_XL: '12',
});

export const ACTION_ROWS: Row[] = [
  {
    target: 'action signOutAction',
    case: 'their own session',
    call: () => ({ action: 'signOutAction', fields: {}, from: '/' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action signInAction',
    case: 'a wrong password',
    call: () => ({
      action: 'signInAction',
      fields: { email: 'nobody@e2e.test', password: 'wrong', next: '/' },
      from: '/signin',
    }),
    expect: allow([], 'refused', { anonymous: 'refused' }),
  },
  {
    target: 'action setActiveAction',
    case: 'deactivate a leader',
    call: async (s) => ({
      action: 'setActiveAction',
      fields: { userId: str((await other(s, 'leader')).id), active: 'false' },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action endSessionsAction',
    case: "a leader's sessions",
    call: async (s) => ({
      action: 'endSessionsAction',
      fields: { userId: str((await other(s, 'leader')).id) },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action changeRoleAction',
    case: 'a leader becomes an engineer',
    call: async (s) => ({
      action: 'changeRoleAction',
      fields: { userId: str((await other(s, 'leader')).id), role: 'engineer' },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action resetPasswordAction',
    case: 'a requestor who lost theirs',
    call: async (s) => ({
      action: 'resetPasswordAction',
      fields: { userId: str((await other(s, 'requestor')).id), password: 'a long enough secret' },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action saveSettingsAction',
    case: 'meeting defaults',
    // The defaults: the shared server's other tests rely on them.
    call: () => ({
      action: 'saveSettingsAction',
      fields: { prereadLeadDays: '7', maxDepartmentSharePercent: '40' },
      from: '/admin/settings',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action retryOutboxAction',
    case: 'an unknown message',
    call: () => ({ action: 'retryOutboxAction', fields: { id: '999999999' }, from: '/admin/outbox' }),
    expect: allow([], 'forbidden', { admin: 'hidden' }),
  },
  {
    target: 'action createCycleAction',
    case: 'a new cycle',
    call: (s) => ({ action: 'createCycleAction', fields: cycleFields(s), from: '/cycles/new' }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action updateCycleAction',
    case: 'a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'updateCycleAction',
        fields: { cycleId: str(c.id), ...cycleFields(s) },
        from: `/cycles/${c.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action addThemeAction',
    case: 'a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'addThemeAction',
        fields: { cycleId: str(c.id), name: 'Reliability', keyOutcome: 'Fewer incidents' },
        from: `/cycles/${c.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action updateThemeAction',
    case: 'a theme of a planning cycle',
    call: async (s) => {
      const d = await delivery(s);
      const themeId = await themeOf(s, d.cycle.id);
      return {
        action: 'updateThemeAction',
        fields: { cycleId: str(d.cycle.id), themeId: str(themeId), name: 'Renamed', keyOutcome: 'Fewer incidents' },
        from: `/cycles/${d.cycle.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action themeCommandAction',
    case: 'remove a theme',
    call: async (s) => {
      const d = await delivery(s);
      return {
        action: 'themeCommandAction',
        fields: { cycleId: str(d.cycle.id), themeId: str(await themeOf(s, d.cycle.id)), command: 'remove' },
        from: `/cycles/${d.cycle.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action createItemAction',
    case: 'into a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'createItemAction',
        fields: { cycleId: str(c.id), ...itemFields(s) },
        from: `/cycles/${c.id}/items/new`,
      };
    },
    expect: allow(['admin', 'pm', 'engineer'], 'forbidden'),
  },
  {
    target: 'action updateItemAction',
    case: 'a curated item of a cycle',
    call: async (s) => {
      const it = await item(s, { cycleId: (await cycle(s)).id });
      return {
        action: 'updateItemAction',
        fields: {
          itemId: str(it.id),
          version: str(it.version),
          ...itemFields(s),
          requestorId: str(it.requestorId),
        },
        from: `/items/${it.id}/edit`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action setStatusAction',
    case: 'a curated item: deferred',
    call: async (s) => {
      const it = await item(s, { cycleId: (await cycle(s)).id });
      return {
        action: 'setStatusAction',
        fields: { itemId: str(it.id), version: str(it.version), status: 'deferred', reason: '' },
        from: `/items/${it.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action createRequestAction',
    case: 'a new request',
    call: (s) => ({ action: 'createRequestAction', fields: itemFields(s), from: '/requests/new' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action withdrawRequestAction',
    case: 'their own request',
    call: async (s) => {
      const it = await item(s, { cycleId: null, status: 'submitted', requestor: await meOr(s, 'requestor') });
      return { action: 'withdrawRequestAction', fields: { itemId: str(it.id) }, from: `/requests/${it.id}` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action withdrawRequestAction',
    case: "someone else's request",
    call: async (s) => {
      const it = await item(s, { cycleId: null, status: 'submitted' });
      return { action: 'withdrawRequestAction', fields: { itemId: str(it.id) }, from: `/requests/${it.id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action triageRequestAction',
    case: 'a submitted request into a cycle',
    call: async (s) => {
      const c = await cycle(s);
      const it = await item(s, { cycleId: null, status: 'submitted' });
      return {
        action: 'triageRequestAction',
        fields: {
          itemId: str(it.id),
          version: str(it.version),
          cycleId: str(c.id),
          ...itemFields(s),
          requestorId: str(it.requestorId),
          estimate: 'M',
        },
        from: `/triage/${it.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action createMeetingAction',
    case: 'a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'createMeetingAction',
        fields: {
          cycleId: str(c.id),
          title: 'Prioritisation',
          scheduledAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          facilitatorId: str(s.pm.id),
        },
        from: `/cycles/${c.id}/meetings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  ...MEETING_ACTION_ROWS,
  ...DELIVERY_ACTION_ROWS,
  ...DEMO_ROWS,
  ...DELIVERY_RECORD_ROWS,
  ...AGENDA_ACTION_ROWS,
  ...EXPORT_ROWS,
  ...PEOPLE_ROWS,
  ...SSO_ROWS,
  ...WEBHOOK_ROWS,
  ...ROADMAP_ROWS,
  ...API_TOKEN_ROWS,
  ...IMPORT_ROWS,
  ...MESSAGE_ROWS,
  ...NFR_ROWS,
  ...SCORING_ROWS,
  ...CURATION_ROWS,
  ...REVIEW_ROWS,
  {
    target: 'action markReadAction',
    case: 'their own notification',
    call: async (s) => ({
      action: 'markReadAction',
      fields: { id: str((await notification(s, await meOr(s, 'leader'), '/')).id) },
      from: '/notifications',
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'action markReadAction',
    case: "someone else's notification",
    call: async (s) => ({
      action: 'markReadAction',
      fields: { id: str((await notification(s, await other(s, 'leader'), '/')).id) },
      from: '/notifications',
    }),
    expect: allow([], 'forbidden'),
  },
  {
    target: 'action markAllReadAction',
    case: 'their own notifications',
    call: () => ({ action: 'markAllReadAction', fields: {}, from: '/notifications' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action saveEmailPrefsAction',
    case: 'their own settings',
    call: () => ({ action: 'saveEmailPrefsAction', fields: { kinds: [] }, from: '/settings' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action signOutEverywhereAction',
    case: 'their own sessions',
    call: () => ({ action: 'signOutEverywhereAction', fields: {}, from: '/settings' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
];

async function themeOf(s: Scene, cycleId: number): Promise<number> {
  return first(await s.world.db.select({ id: themes.id }).from(themes).where(eq(themes.cycleId, cycleId)))!.id;
}
