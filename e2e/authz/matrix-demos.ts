/** The matrix's rows for sprint demos: their pages and server actions, by role and by invitation. */
import { demoFeedback } from '../../db/schema';
import { makeE2eDemo } from '../fixtures/demos';
import type { Person } from '../fixtures/world';
import { allow, BACKLOG, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import { delivery, meOr, other, type Scene } from './scene';

const ORGANISERS = ['admin', 'pm', 'engineer'] as const;
const DAY = 86_400_000;

/**
 * A demo of a cycle in delivery, tomorrow, showing its two scheduled items (already recorded as
 * shown, so feedback is open), presented by `presenter` and with `invitees` invited.
 */
async function demo(s: Scene, opts: { presenter?: Person; invitees?: Person[]; startsInDays?: number } = {}) {
  const d = await delivery(s);
  const presenter = opts.presenter ?? (await other(s, 'engineer'));
  const invitees = opts.invitees ?? [await other(s, 'leader')];
  const row = await makeE2eDemo(s.world.db, {
    cycleId: d.cycle.id,
    title: s.world.named('Demo'),
    presenterId: presenter.id,
    createdBy: s.pm.id,
    itemIds: d.items.map((item) => item.id),
    inviteeIds: invitees.map((p) => p.id),
    startsInDays: opts.startsInDays,
  });
  return { ...d, demo: row, presenter };
}

/** A concern on the demo's first item by `author`. */
async function concern(s: Scene, author: Person) {
  const d = await demo(s, { invitees: [author] });
  const feedback = (
    await s.world.db
      .insert(demoFeedback)
      .values({
        demoId: d.demo.id,
        itemId: d.items[0].id,
        authorId: author.id,
        verdict: 'concern',
        comment: 'The totals are wrong.',
        createdAt: new Date().toISOString(),
      })
      .returning()
  )[0];
  return { ...d, feedback };
}

const onDemo = (demoId: number, action: string, fields: Record<string, string | string[]> = {}) => ({
  action,
  fields: { demoId: str(demoId), ...fields },
  from: `/demos/${demoId}`,
});

const shown = { stage: 'v0', notes: 'Shown end to end.', links: 'https://example.test/recording' };

export const DEMO_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/demos',
    case: 'a cycle in delivery',
    call: async (s) => ({ page: `/cycles/${(await delivery(s)).cycle.id}/demos` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /demos/[id]',
    case: 'a demo they are invited to',
    call: async (s) => ({ page: `/demos/${(await demo(s, { invitees: [await meOr(s, 'requestor')] })).demo.id}` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /demos/[id]',
    case: 'a demo of others',
    call: async (s) => ({ page: `/demos/${(await demo(s)).demo.id}` }),
    expect: allow(ORGANISERS, 'forbidden'),
  },
  {
    target: 'action scheduleDemoAction',
    case: 'a cycle in delivery',
    call: async (s) => {
      const d = await delivery(s);
      const invitee = await other(s, 'leader');
      return {
        action: 'scheduleDemoAction',
        fields: {
          cycleId: str(d.cycle.id),
          title: 'Sprint demo',
          startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
          timeZone: 'Europe/Berlin',
          durationMinutes: '45',
          presenterId: str(d.owner.id),
          feedbackDays: '7',
          itemIds: d.items.map((i) => str(i.id)),
          inviteeIds: [str(invitee.id)],
        },
        from: `/cycles/${d.cycle.id}/demos`,
      };
    },
    expect: allow(ORGANISERS, 'forbidden'),
  },
  {
    target: 'action recordShownAction',
    case: 'they present the demo',
    call: async (s) => {
      const d = await demo(s, { presenter: await meOr(s, 'engineer') });
      return onDemo(d.demo.id, 'recordShownAction', { itemId: str(d.items[0].id), ...shown });
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action recordShownAction',
    case: 'someone else presents',
    call: async (s) => {
      const d = await demo(s);
      return onDemo(d.demo.id, 'recordShownAction', { itemId: str(d.items[0].id), ...shown });
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action saveDemoNotesAction',
    case: 'someone else presents',
    call: async (s) => onDemo((await demo(s)).demo.id, 'saveDemoNotesAction', { notes: 'Went well.' }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action giveFeedbackAction',
    case: 'they are invited',
    call: async (s) => {
      const d = await demo(s, { invitees: [await meOr(s, 'requestor')] });
      return onDemo(d.demo.id, 'giveFeedbackAction', {
        itemId: str(d.items[0].id),
        verdict: 'concern',
        comment: 'Too slow.',
      });
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action giveFeedbackAction',
    case: 'they are not invited',
    call: async (s) => {
      const d = await demo(s);
      return onDemo(d.demo.id, 'giveFeedbackAction', {
        itemId: str(d.items[0].id),
        verdict: 'looks_right',
        comment: '',
      });
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action turnIntoRequestAction',
    case: 'their own concern',
    call: async (s) => {
      const c = await concern(s, await meOr(s, 'requestor'));
      return onDemo(c.demo.id, 'turnIntoRequestAction', { feedbackId: str(c.feedback.id) });
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action turnIntoRequestAction',
    case: "someone else's concern",
    call: async (s) => {
      const c = await concern(s, await other(s, 'leader'));
      return onDemo(c.demo.id, 'turnIntoRequestAction', { feedbackId: str(c.feedback.id) });
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action updateDemoAction',
    case: 'an upcoming demo',
    call: async (s) => {
      const d = await demo(s);
      return onDemo(d.demo.id, 'updateDemoAction', {
        title: 'Sprint demo, moved',
        startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
        timeZone: 'Europe/Berlin',
        durationMinutes: '60',
        presenterId: str(d.presenter.id),
        feedbackDays: '5',
        itemIds: d.items.map((i) => str(i.id)),
        inviteeIds: [str(d.owner.id)],
      });
    },
    expect: allow(ORGANISERS, 'forbidden'),
  },
  {
    target: 'action cancelDemoAction',
    case: 'an upcoming demo',
    call: async (s) => onDemo((await demo(s)).demo.id, 'cancelDemoAction'),
    expect: allow(ORGANISERS, 'forbidden'),
  },
  {
    target: 'action reopenFeedbackAction',
    case: 'a demo that has taken place',
    call: async (s) =>
      onDemo((await demo(s, { startsInDays: -10 })).demo.id, 'reopenFeedbackAction', { feedbackDays: '3' }),
    expect: allow(ORGANISERS, 'forbidden'),
  },
];
