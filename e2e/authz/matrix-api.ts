/** The matrix's JSON API and event streams: who may call each, by role and by what they own or were invited to. */
import { eq } from 'drizzle-orm';
import { meetings } from '../../db/schema';
import { allow, BACKLOG, MANAGERS, SIGNED_IN, type Row } from './rows';
import { cycle, delivery, item, meOr, meeting, other, publishSchedule, startLive, type Scene } from './scene';
import { amendFields, changeRequest, dissentedRequest, raiseFields } from './scene-changes';
import { first } from '../../db/rows';
import { RANKING_API_ROWS } from './matrix-api-ranking';
import { MAP_ROWS } from './matrix-map';

const EVERYONE_OK = allow(SIGNED_IN, 'forbidden', { anonymous: 'ok' });

/** The fields of a new item, as the API takes them. */
const itemBody = (s: Scene) => ({
  title: s.world.named('From the API'),
  kind: 'feature',
  description: 'What it is.',
  businessBenefit: 'Why it matters.',
  departmentId: s.pm.departmentId,
});

const meetingVersion = async (s: Scene, id: number) =>
  first(await s.world.db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, id)))!.version;

/** A live meeting facilitated by the test's pm, with `me` invited (as a voter when their role may vote). */
async function liveMeeting(s: Scene, invited: boolean) {
  const m = await meeting(s, invited ? [await meOr(s, 'leader')] : [await other(s, 'leader')]);
  await startLive(s, m.meeting.id);
  return m;
}

export const API_ROWS: Row[] = [
  {
    target: 'GET /api/health',
    case: 'liveness',
    call: () => ({ api: 'GET', url: '/api/health' }),
    expect: EVERYONE_OK,
  },
  {
    target: 'GET /api/auth/[...nextauth]',
    case: 'the session',
    call: () => ({ api: 'GET', url: '/api/auth/session' }),
    expect: EVERYONE_OK,
  },
  {
    target: 'POST /api/auth/[...nextauth]',
    case: 'a sign-in without its CSRF token',
    call: () => ({ api: 'POST', url: '/api/auth/callback/credentials', body: {} }),
    expect: allow([], 'signin'),
  },
  {
    target: 'POST /api/items',
    case: 'into a planning cycle',
    call: async (s) => ({ api: 'POST', url: '/api/items', body: { ...itemBody(s), cycleId: (await cycle(s)).id } }),
    expect: allow(['admin', 'pm', 'engineer'], 'forbidden'),
  },
  {
    target: 'GET /api/items/[id]',
    case: 'a curated item of a cycle',
    call: async (s) => ({ api: 'GET', url: `/api/items/${(await item(s, { cycleId: (await cycle(s)).id })).id}` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /api/items/[id]',
    case: 'their own request',
    call: async (s) => ({
      api: 'GET',
      url: `/api/items/${(await item(s, { cycleId: null, status: 'submitted', requestor: await meOr(s, 'requestor') })).id}`,
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'PATCH /api/items/[id]',
    case: 'a curated item of a cycle',
    call: async (s) => {
      const it = await item(s, { cycleId: (await cycle(s)).id });
      return {
        api: 'PATCH',
        url: `/api/items/${it.id}`,
        body: { ...itemBody(s), requestorId: it.requestorId, version: it.version },
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'PATCH /api/items/[id]/cell',
    case: 'the estimate of a curated item',
    call: async (s) => {
      const it = await item(s, { cycleId: (await cycle(s)).id });
      return {
        api: 'PATCH',
        url: `/api/items/${it.id}/cell`,
        body: { version: it.version, field: 'estimate', value: 'L' },
      };
    },
    expect: allow(['admin', 'pm', 'engineer'], 'forbidden'),
  },
  {
    target: 'POST /api/items/[id]/status',
    case: 'a curated item: deferred',
    call: async (s) => {
      const it = await item(s, { cycleId: (await cycle(s)).id });
      return { api: 'POST', url: `/api/items/${it.id}/status`, body: { status: 'deferred', version: it.version } };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'GET /api/cycles/[id]/items',
    case: 'a planning cycle',
    call: async (s) => ({ api: 'GET', url: `/api/cycles/${(await cycle(s)).id}/items` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /api/cycles/[id]/schedule',
    case: 'published',
    call: async (s) => {
      const d = await delivery(s);
      await publishSchedule(s, d.cycle.id);
      return { api: 'GET', url: `/api/cycles/${d.cycle.id}/schedule` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /api/cycles/[id]/schedule',
    case: 'not published yet',
    call: async (s) => ({ api: 'GET', url: `/api/cycles/${(await cycle(s)).id}/schedule` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'POST /api/cycles/[id]/changes/preview',
    case: 'a cycle in delivery',
    call: async (s) => {
      const d = await delivery(s);
      return {
        api: 'POST',
        url: `/api/cycles/${d.cycle.id}/changes/preview`,
        body: await raiseFields(s, d.cycle.id, d.periods[0].id),
      };
    },
    expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
  },
  {
    target: 'POST /api/change-requests/[id]/preview',
    case: 'raised by the pm, after a dissent',
    call: async (s) => {
      const { id, delivery: d } = await dissentedRequest(s);
      return { api: 'POST', url: `/api/change-requests/${id}/preview`, body: amendFields(id, d.periods[0].id) };
    },
    // Only its raiser amends a change request: an admin or another pm would speak for someone else.
    expect: allow(['pm'], 'forbidden'),
  },
  {
    target: 'GET /api/change-requests/[id]/events',
    case: 'raised by the pm, nobody invited',
    call: async (s) => {
      const d = await delivery(s);
      return { api: 'GET', url: `/api/change-requests/${await changeRequest(s, d.cycle.id, d.periods[0].id)}/events` };
    },
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /api/meetings/[id]/events',
    case: 'invited',
    call: async (s) => ({
      api: 'GET',
      url: `/api/meetings/${(await meeting(s, [await meOr(s, 'leader')])).meeting.id}/events`,
    }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /api/meetings/[id]/events',
    case: 'not invited',
    call: async (s) => ({
      api: 'GET',
      url: `/api/meetings/${(await meeting(s, [await other(s, 'leader')])).meeting.id}/events`,
    }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'GET /api/meetings/[id]/live',
    case: 'invited, live',
    call: async (s) => ({ api: 'GET', url: `/api/meetings/${(await liveMeeting(s, true)).meeting.id}/live` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /api/meetings/[id]/live',
    case: 'not invited, live',
    call: async (s) => ({ api: 'GET', url: `/api/meetings/${(await liveMeeting(s, false)).meeting.id}/live` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'start, invited (the pm facilitates)',
    call: async (s) => ({
      api: 'POST',
      url: `/api/meetings/${(await meeting(s, [await meOr(s, 'leader')])).meeting.id}/live`,
      body: { action: 'start', votesVisibility: 'live', weighted: false, confirm: ['no_preread', 'early'] },
    }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'vote on the current item, invited',
    call: async (s) => {
      const m = await liveMeeting(s, true);
      return {
        api: 'POST',
        url: `/api/meetings/${m.meeting.id}/live`,
        body: { action: 'vote', itemId: m.items[0].id, choice: 'accept' },
      };
    },
    expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'vote on the current item, not invited',
    call: async (s) => {
      const m = await liveMeeting(s, false);
      return {
        api: 'POST',
        url: `/api/meetings/${m.meeting.id}/live`,
        body: { action: 'vote', itemId: m.items[0].id, choice: 'accept' },
      };
    },
    expect: allow([], 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'pause, invited (the pm facilitates)',
    call: async (s) => {
      const m = await liveMeeting(s, true);
      return {
        api: 'POST',
        url: `/api/meetings/${m.meeting.id}/live`,
        body: { action: 'pause', version: await meetingVersion(s, m.meeting.id) },
      };
    },
    expect: allow(['pm'], 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'take over from the pm who facilitates, invited',
    call: async (s) => ({
      api: 'POST',
      url: `/api/meetings/${(await liveMeeting(s, true)).meeting.id}/live`,
      body: { action: 'take-over' },
    }),
    expect: allow(['admin'], 'forbidden', { pm: 'refused' }),
  },
  {
    target: 'POST /api/meetings/[id]/live',
    case: 'record a decision, invited',
    call: async (s) => {
      const m = await liveMeeting(s, true);
      return {
        api: 'POST',
        url: `/api/meetings/${m.meeting.id}/live`,
        body: { action: 'decide', itemId: m.items[0].id, outcome: 'accepted' },
      };
    },
    expect: allow(['pm'], 'forbidden'),
  },
  {
    target: 'POST /api/meetings/[id]/preread',
    case: 'a planned meeting',
    call: async (s) => ({
      api: 'POST',
      url: `/api/meetings/${(await meeting(s, [await other(s, 'leader')])).meeting.id}/preread`,
      body: { confirmLate: true },
    }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  ...RANKING_API_ROWS,
  ...MAP_ROWS,
];
