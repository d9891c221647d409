/** The matrix's server actions of delivery: the schedule, its flags, the outcome and change requests. */
import { allow, BACKLOG, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import { cycle, delivery, flag, meOr, meeting, other, publishSchedule, type Scene } from './scene';
import { amendFields, changeRequest, closeSession, convene, dissentedRequest, raiseFields } from './scene-changes';

/**
 * A change request raised by the pm on a new delivery cycle, with a live session inviting the
 * cell's person when `invitees` is 'me' and they are a leader (only leaders can be invited), and
 * another leader otherwise.
 */
async function session(s: Scene, invitees: 'me' | 'other') {
  const d = await delivery(s);
  const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
  const invitee = invitees === 'me' && s.me?.role === 'leader' ? s.me : await other(s, 'leader');
  const sessionId = await convene(s, id, [invitee]);
  return { id, sessionId, fields: { changeRequestId: str(id), sessionId: str(sessionId) } };
}

function scheduleRows(): Row[] {
  const onDelivery = (
    name: string,
    kase: string,
    fields: (s: Scene, d: Awaited<ReturnType<typeof delivery>>) => Record<string, string>,
    expect: Row['expect'],
    opts: { mine?: boolean; published?: boolean } = {},
  ): Row => ({
    target: `action ${name}`,
    case: kase,
    call: async (s) => {
      const d = await delivery(s, opts.mine ? { owner: await meOr(s, 'engineer') } : {});
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
      call: async (s) => {
        const c = await cycle(s, { startsOn: '2027-01-04', endsOn: '2027-03-26' });
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
    resolveFlagRow('a flag on the item they own', true, allow(SIGNED_IN, 'forbidden')),
    resolveFlagRow("a flag on someone else's item", false, allow(MANAGERS, 'forbidden')),
    {
      target: 'action publishOutcomeAction',
      case: 'a cycle whose meeting has not ended',
      call: async (s) => {
        const c = (await meeting(s, [])).cycle;
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
      call: async (s) => {
        const d = await delivery(s);
        return {
          action: 'raiseChangeRequestAction',
          fields: await raiseFields(s, d.cycle.id, d.periods[0].id),
          from: `/cycles/${d.cycle.id}/changes/new`,
        };
      },
      expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
    },
    {
      target: 'action amendChangeRequestAction',
      case: 'raised by the pm, after a dissent',
      call: async (s) => {
        const { id, delivery: d } = await dissentedRequest(s);
        return {
          action: 'amendChangeRequestAction',
          fields: amendFields(id, d.periods[0].id),
          from: `/changes/${id}/amend`,
        };
      },
      expect: allow(['pm'], 'forbidden'),
    },
    {
      target: 'action conveneSessionAction',
      case: 'an open change request',
      call: async (s) => {
        const d = await delivery(s);
        const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
        return {
          action: 'conveneSessionAction',
          fields: { changeRequestId: str(id), mode: 'live', inviteeIds: [str((await other(s, 'leader')).id)] },
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
    onOpenRequest('declineAction', 'an open change request', { reason: 'Not now.' }),
    onOpenRequest('withdrawAction', 'raised by someone else (the pm)', { withdrawNote: 'Not needed.' }),
  ];
}

/** A flag on the first item of a published delivery cycle, which the cell's person owns or not. */
function resolveFlagRow(kase: string, mine: boolean, expect: Row['expect']): Row {
  return {
    target: 'action resolveFlagAction',
    case: kase,
    call: async (s) => {
      const d = await delivery(s, mine ? { owner: await meOr(s, 'engineer') } : {});
      await publishSchedule(s, d.cycle.id);
      const f = await flag(s, d.items[0].id, await other(s, 'leader'));
      return {
        action: 'resolveFlagAction',
        fields: { cycleId: str(d.cycle.id), flagId: str(f.id), note: 'Sorted.' },
        from: `/cycles/${d.cycle.id}/schedule`,
      };
    },
    expect,
  };
}

/** A pm/admin-only action on a change request the test's pm has just raised. */
function onOpenRequest(name: string, kase: string, fields: Record<string, string>): Row {
  return {
    target: `action ${name}`,
    case: kase,
    call: async (s) => {
      const d = await delivery(s);
      const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
      return { action: name, fields: { changeRequestId: str(id), ...fields }, from: `/changes/${id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  };
}

export const DELIVERY_ACTION_ROWS: Row[] = [...scheduleRows(), ...changeRows()];
