/** The matrix's server actions: who may call each, by role and by what they own or were invited to. */
import { eq } from 'drizzle-orm';
import { items, themes } from '../../db/schema';
import { allow, BACKLOG, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import {
  changeRequest,
  closeSession,
  convene,
  cycle,
  delivery,
  distribute,
  flag,
  item,
  meOr,
  meeting,
  notification,
  other,
  publishSchedule,
  question,
  raiseFields,
  type Scene,
} from './scene';

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

/**
 * A change request raised by the pm on a new delivery cycle, with a live session inviting the
 * cell's person when `invitees` is 'me' and they are a leader (only leaders can be invited), and
 * another leader otherwise.
 */
async function session(s: Scene, invitees: 'me' | 'other') {
  const d = delivery(s);
  const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
  const invitee = invitees === 'me' && s.me?.role === 'leader' ? s.me : other(s, 'leader');
  const sessionId = await convene(s, id, [invitee]);
  return { id, sessionId, fields: { changeRequestId: str(id), sessionId: str(sessionId) } };
}

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
    call: (s) => ({
      action: 'setActiveAction',
      fields: { userId: str(other(s, 'leader').id), active: 'false' },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action endSessionsAction',
    case: "a leader's sessions",
    call: (s) => ({ action: 'endSessionsAction', fields: { userId: str(other(s, 'leader').id) }, from: '/admin' }),
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
    call: (s) => {
      const c = cycle(s);
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
    call: (s) => {
      const c = cycle(s);
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
    call: (s) => {
      const d = delivery(s);
      const themeId = themeOf(s, d.cycle.id);
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
    call: (s) => {
      const d = delivery(s);
      return {
        action: 'themeCommandAction',
        fields: { cycleId: str(d.cycle.id), themeId: str(themeOf(s, d.cycle.id)), command: 'remove' },
        from: `/cycles/${d.cycle.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action createItemAction',
    case: 'into a planning cycle',
    call: (s) => {
      const c = cycle(s);
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
    call: (s) => {
      const it = item(s, { cycleId: cycle(s).id });
      return {
        action: 'updateItemAction',
        fields: { itemId: str(it.id), version: str(it.version), ...itemFields(s), requestorId: str(it.requestorId) },
        from: `/items/${it.id}/edit`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action setStatusAction',
    case: 'a curated item: deferred',
    call: (s) => {
      const it = item(s, { cycleId: cycle(s).id });
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
    call: (s) => {
      const it = item(s, { cycleId: null, status: 'submitted', requestor: meOr(s, 'requestor') });
      return { action: 'withdrawRequestAction', fields: { itemId: str(it.id) }, from: `/requests/${it.id}` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action withdrawRequestAction',
    case: "someone else's request",
    call: (s) => {
      const it = item(s, { cycleId: null, status: 'submitted' });
      return { action: 'withdrawRequestAction', fields: { itemId: str(it.id) }, from: `/requests/${it.id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action triageRequestAction',
    case: 'a submitted request into a cycle',
    call: (s) => {
      const c = cycle(s);
      const it = item(s, { cycleId: null, status: 'submitted' });
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
    call: (s) => {
      const c = cycle(s);
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
  ...meetingRows(),
  ...questionRows(),
  ...scheduleRows(),
  ...changeRows(),
  {
    target: 'action markReadAction',
    case: 'their own notification',
    call: (s) => ({
      action: 'markReadAction',
      fields: { id: str(notification(s, meOr(s, 'leader'), '/').id) },
      from: '/notifications',
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'action markReadAction',
    case: "someone else's notification",
    call: (s) => ({
      action: 'markReadAction',
      fields: { id: str(notification(s, other(s, 'leader'), '/').id) },
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

function themeOf(s: Scene, cycleId: number): number {
  return s.world.db.select({ id: themes.id }).from(themes).where(eq(themes.cycleId, cycleId)).get()!.id;
}

function meetingRows(): Row[] {
  const planning = (
    name: string,
    fields: (s: Scene, m: ReturnType<typeof meeting>) => Record<string, string | string[]>,
  ): Row => ({
    target: `action ${name}`,
    case: 'a planned meeting, invited',
    call: (s) => {
      const m = meeting(s, [meOr(s, 'leader')]);
      return {
        action: name,
        fields: { meetingId: str(m.meeting.id), ...fields(s, m) },
        from: `/meetings/${m.meeting.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  });
  const afterPreread = (name: string): Row => ({
    target: `action ${name}`,
    case: 'pre-read out, an item changed since, invited',
    call: async (s) => {
      const m = meeting(s, [meOr(s, 'leader')]);
      await distribute(s, m.meeting.id);
      s.world.db
        .update(items)
        .set({ title: s.world.named('Renamed after the pre-read') })
        .where(eq(items.id, m.items[0].id))
        .run();
      return { action: name, fields: { meetingId: str(m.meeting.id) }, from: `/meetings/${m.meeting.id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  });
  return [
    planning('updateMeetingAction', (s) => ({
      title: 'Renamed',
      scheduledAt: new Date(Date.now() + 21 * 86_400_000).toISOString(),
      facilitatorId: str(s.pm.id),
      durationMinutes: '90',
      location: 'Board room',
    })),
    planning('setAttendeesAction', (s) => {
      const leader = other(s, 'leader');
      return { attendee: [str(leader.id)], [`role_${leader.id}`]: 'voter' };
    }),
    planning('setAgendaAction', (_s, m) => ({ itemId: m.items.map((i) => str(i.id)) })),
    planning('distributeAction', () => ({ confirmLate: 'on' })),
    afterPreread('sendUpdateAction'),
    afterPreread('remindAction'),
  ];
}

function questionRows(): Row[] {
  return [
    {
      target: 'action askQuestionAction',
      case: 'invited, pre-read out',
      call: async (s) => {
        const m = meeting(s, [meOr(s, 'leader')]);
        await distribute(s, m.meeting.id);
        return {
          action: 'askQuestionAction',
          fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), body: 'How long?' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(SIGNED_IN, 'forbidden'),
    },
    {
      target: 'action askQuestionAction',
      case: 'not invited, pre-read out',
      call: async (s) => {
        const m = meeting(s, [other(s, 'leader')]);
        await distribute(s, m.meeting.id);
        return {
          action: 'askQuestionAction',
          fields: { meetingId: str(m.meeting.id), itemId: str(m.items[0].id), body: 'How long?' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action answerQuestionAction',
      case: 'SME of the item, not invited',
      call: async (s) => {
        const m = meeting(s, [other(s, 'leader')], { sme: meOr(s, 'engineer').name });
        await distribute(s, m.meeting.id);
        const q = question(s, m.meeting.id, m.items[0].id, other(s, 'leader'));
        return {
          action: 'answerQuestionAction',
          fields: { meetingId: str(m.meeting.id), questionId: str(q.id), body: 'Two weeks.' },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(SIGNED_IN, 'forbidden'),
    },
    {
      target: 'action resolveQuestionAction',
      case: 'invited',
      call: async (s) => {
        const m = meeting(s, [meOr(s, 'leader')]);
        await distribute(s, m.meeting.id);
        const q = question(s, m.meeting.id, m.items[0].id, other(s, 'leader'));
        return {
          action: 'resolveQuestionAction',
          fields: { meetingId: str(m.meeting.id), questionId: str(q.id) },
          from: `/meetings/${m.meeting.id}/preread`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
  ];
}

function scheduleRows(): Row[] {
  const onDelivery = (
    name: string,
    kase: string,
    fields: (s: Scene, d: ReturnType<typeof delivery>) => Record<string, string>,
    expect: Row['expect'],
    opts: { mine?: boolean; published?: boolean } = {},
  ): Row => ({
    target: `action ${name}`,
    case: kase,
    call: async (s) => {
      const d = delivery(s, opts.mine ? { owner: meOr(s, 'engineer') } : {});
      if (opts.published) await publishSchedule(s, d.cycle.id);
      return {
        action: name,
        fields: { cycleId: str(d.cycle.id), ...fields(s, d) },
        from: `/cycles/${d.cycle.id}/schedule`,
      };
    },
    expect,
  });
  const EDITORS = allow(['admin', 'pm', 'engineer'], 'forbidden');
  return [
    {
      target: 'action generatePeriodsAction',
      case: 'a cycle without periods',
      call: (s) => {
        const c = cycle(s, { startsOn: '2027-01-04', endsOn: '2027-03-26' });
        return {
          action: 'generatePeriodsAction',
          fields: { cycleId: str(c.id), kind: 'months' },
          from: `/cycles/${c.id}/schedule`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    onDelivery(
      'updatePeriodAction',
      'a period',
      (_s, d) => ({ periodId: str(d.periods[0].id), name: 'Renamed', capacityWeeks: '12' }),
      allow(MANAGERS, 'forbidden'),
    ),
    onDelivery(
      'setEntryAction',
      'a scheduled item',
      (_s, d) => ({
        itemId: str(d.items[0].id),
        periodId: str(d.periods[1].id),
        ownerId: '',
        kickoffOn: '',
        version: '1',
      }),
      EDITORS,
    ),
    onDelivery(
      'moveDeliveryAction',
      'a scheduled item',
      (_s, d) => ({ itemId: str(d.items[0].id), to: 'in_delivery' }),
      EDITORS,
    ),
    onDelivery('publishScheduleAction', 'a cycle in delivery', () => ({}), allow(MANAGERS, 'forbidden')),
    onDelivery(
      'raiseFlagAction',
      'a scheduled item of a published schedule',
      (_s, d) => ({ itemId: str(d.items[0].id), kind: 'question', body: 'When does it start?' }),
      allow(SIGNED_IN, 'forbidden'),
      { published: true },
    ),
    onDelivery(
      'raiseFlagAction',
      'a scheduled item of a schedule not published yet',
      (_s, d) => ({ itemId: str(d.items[0].id), kind: 'question', body: 'When does it start?' }),
      allow(BACKLOG, 'forbidden'),
    ),
    {
      target: 'action resolveFlagAction',
      case: 'a flag on the item they own',
      call: async (s) => {
        const d = delivery(s, { owner: meOr(s, 'engineer') });
        await publishSchedule(s, d.cycle.id);
        const f = flag(s, d.items[0].id, other(s, 'leader'));
        return {
          action: 'resolveFlagAction',
          fields: { cycleId: str(d.cycle.id), flagId: str(f.id), note: 'Sorted.' },
          from: `/cycles/${d.cycle.id}/schedule`,
        };
      },
      expect: allow(SIGNED_IN, 'forbidden'),
    },
    {
      target: 'action resolveFlagAction',
      case: "a flag on someone else's item",
      call: async (s) => {
        const d = delivery(s);
        await publishSchedule(s, d.cycle.id);
        const f = flag(s, d.items[0].id, other(s, 'leader'));
        return {
          action: 'resolveFlagAction',
          fields: { cycleId: str(d.cycle.id), flagId: str(f.id), note: 'Sorted.' },
          from: `/cycles/${d.cycle.id}/schedule`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action publishOutcomeAction',
      case: 'a cycle whose meeting has not ended',
      call: (s) => {
        const c = meeting(s, []).cycle;
        return { action: 'publishOutcomeAction', fields: { cycleId: str(c.id) }, from: `/cycles/${c.id}/outcome` };
      },
      expect: allow([], 'forbidden', { admin: 'refused', pm: 'refused' }),
    },
  ];
}

function changeRows(): Row[] {
  return [
    {
      target: 'action raiseChangeRequestAction',
      case: 'a cycle in delivery',
      call: (s) => {
        const d = delivery(s);
        return {
          action: 'raiseChangeRequestAction',
          fields: raiseFields(s, d.cycle.id, d.periods[0].id),
          from: `/cycles/${d.cycle.id}/changes/new`,
        };
      },
      expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
    },
    {
      target: 'action conveneSessionAction',
      case: 'an open change request',
      call: async (s) => {
        const d = delivery(s);
        const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
        return {
          action: 'conveneSessionAction',
          fields: { changeRequestId: str(id), mode: 'live', inviteeIds: [str(other(s, 'leader').id)] },
          from: `/changes/${id}`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action respondAction',
      case: 'invited to the session',
      call: async (s) => {
        const session_ = await session(s, 'me');
        return {
          action: 'respondAction',
          fields: { ...session_.fields, response: 'assent', comment: '' },
          from: `/changes/${session_.id}`,
        };
      },
      expect: allow(['leader'], 'forbidden'),
    },
    {
      target: 'action respondAction',
      case: 'not invited',
      call: async (s) => {
        const session_ = await session(s, 'other');
        return {
          action: 'respondAction',
          fields: { ...session_.fields, response: 'assent', comment: '' },
          from: `/changes/${session_.id}`,
        };
      },
      expect: allow([], 'forbidden'),
    },
    {
      target: 'action closeSessionAction',
      case: 'a live session',
      call: async (s) => {
        const session_ = await session(s, 'other');
        return { action: 'closeSessionAction', fields: session_.fields, from: `/changes/${session_.id}` };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action approveAction',
      case: 'its session closed without a response',
      call: async (s) => {
        const session_ = await session(s, 'other');
        await closeSession(s, session_.id, session_.sessionId);
        return {
          action: 'approveAction',
          fields: { changeRequestId: str(session_.id), justification: 'Needed now.' },
          from: `/changes/${session_.id}`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action declineAction',
      case: 'an open change request',
      call: async (s) => {
        const d = delivery(s);
        const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
        return {
          action: 'declineAction',
          fields: { changeRequestId: str(id), reason: 'Not now.' },
          from: `/changes/${id}`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
    {
      target: 'action withdrawAction',
      case: 'raised by someone else (the pm)',
      call: async (s) => {
        const d = delivery(s);
        const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
        return {
          action: 'withdrawAction',
          fields: { changeRequestId: str(id), withdrawNote: 'Not needed.' },
          from: `/changes/${id}`,
        };
      },
      expect: allow(MANAGERS, 'forbidden'),
    },
  ];
}
