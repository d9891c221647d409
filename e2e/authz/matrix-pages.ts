/** The matrix's pages and downloads: who may open each, by role and by what they own or were invited to. */
import { allow, BACKLOG, MANAGERS, SIGNED_IN, type Row } from './rows';
import {
  cycle,
  delivery,
  distribute,
  endAndPublish,
  item,
  meOr,
  meeting,
  notification,
  other,
  publishSchedule,
} from './scene';
import { changeRequest, dissentedRequest } from './scene-changes';

const ADMIN = ['admin'] as const;

export const PAGE_ROWS: Row[] = [
  { target: 'page /', case: 'home', call: () => ({ page: '/' }), expect: allow(SIGNED_IN, 'forbidden') },
  {
    target: 'page /signin',
    case: 'the sign-in form',
    call: () => ({ page: '/signin' }),
    expect: allow(SIGNED_IN, 'forbidden', { anonymous: 'ok' }),
  },
  { target: 'page /admin', case: 'people', call: () => ({ page: '/admin' }), expect: allow(ADMIN, 'forbidden') },
  {
    target: 'page /admin/audit',
    case: 'log check',
    call: () => ({ page: '/admin/audit' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'page /admin/outbox',
    case: 'outbox',
    call: () => ({ page: '/admin/outbox' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'page /admin/settings',
    case: 'meeting settings',
    call: () => ({ page: '/admin/settings' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'GET /admin/audit/export',
    case: 'the log download',
    call: () => ({ page: '/admin/audit/export' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  { target: 'page /cycles', case: 'list', call: () => ({ page: '/cycles' }), expect: allow(BACKLOG, 'forbidden') },
  {
    target: 'page /cycles/new',
    case: 'form',
    call: () => ({ page: '/cycles/new' }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/settings',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/settings` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/items/new',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/items/new` }),
    expect: allow(['admin', 'pm', 'engineer'], 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/meetings',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/meetings` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/outcome',
    case: 'not published yet',
    call: async (s) => ({ page: `/cycles/${(await meeting(s, [])).cycle.id}/outcome` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /cycles/[id]/outcome/export',
    case: 'no meeting has ended',
    call: async (s) => ({ page: `/cycles/${(await meeting(s, [])).cycle.id}/outcome/export?format=csv` }),
    expect: allow([], 'refused', { requestor: 'forbidden' }),
  },
  {
    target: 'GET /cycles/[id]/outcome/export',
    case: 'published',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')]);
      await endAndPublish(s, m.meeting.id, m.cycle.id);
      return { page: `/cycles/${m.cycle.id}/outcome/export?format=md` };
    },
    // Published is public inside the company: the download says what the outcome page says.
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/outcome',
    case: 'published',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')]);
      await endAndPublish(s, m.meeting.id, m.cycle.id);
      return { page: `/cycles/${m.cycle.id}/outcome` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/preread',
    case: 'a cycle whose meeting has its pre-read out',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')]);
      await distribute(s, m.meeting.id);
      return { page: `/cycles/${m.cycle.id}/preread` };
    },
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/schedule',
    case: 'published',
    call: async (s) => {
      const d = await delivery(s);
      await publishSchedule(s, d.cycle.id);
      return { page: `/cycles/${d.cycle.id}/schedule` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/schedule',
    case: 'not published yet',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/schedule` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/changes',
    case: 'a cycle in delivery',
    call: async (s) => ({ page: `/cycles/${(await delivery(s)).cycle.id}/changes` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /cycles/[id]/changes/new',
    case: 'a cycle in delivery',
    call: async (s) => ({ page: `/cycles/${(await delivery(s)).cycle.id}/changes/new` }),
    expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
  },
  { target: 'page /changes', case: 'list', call: () => ({ page: '/changes' }), expect: allow(BACKLOG, 'forbidden') },
  {
    target: 'page /changes/[id]',
    case: 'raised by the pm, nobody invited',
    call: async (s) => {
      const d = await delivery(s);
      return { page: `/changes/${await changeRequest(s, d.cycle.id, d.periods[0].id)}` };
    },
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /changes/[id]/amend',
    case: 'raised by the pm, after a dissent',
    call: async (s) => ({ page: `/changes/${(await dissentedRequest(s)).id}/amend` }),
    expect: allow(['pm'], 'forbidden'),
  },
  {
    target: 'page /items/[id]',
    case: 'a curated item of a cycle',
    call: async (s) => ({ page: `/items/${(await item(s, { cycleId: (await cycle(s)).id })).id}` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'page /items/[id]',
    case: 'their own request',
    call: async (s) => ({
      page: `/items/${(await item(s, { cycleId: null, status: 'submitted', requestor: await meOr(s, 'requestor') })).id}`,
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'page /items/[id]',
    case: "someone else's new request",
    call: async (s) => ({ page: `/items/${(await item(s, { cycleId: null, status: 'submitted' })).id}` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /items/[id]/edit',
    case: 'a curated item of a cycle',
    call: async (s) => ({ page: `/items/${(await item(s, { cycleId: (await cycle(s)).id })).id}/edit` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]',
    case: 'they are invited',
    call: async (s) => ({ page: `/meetings/${(await meeting(s, [await meOr(s, 'leader')])).meeting.id}` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]',
    case: 'they are not invited',
    call: async (s) => ({ page: `/meetings/${(await meeting(s, [await other(s, 'leader')])).meeting.id}` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]/preread',
    case: 'invited, pre-read out',
    call: async (s) => {
      const m = await meeting(s, [await meOr(s, 'leader')]);
      await distribute(s, m.meeting.id);
      return { page: `/meetings/${m.meeting.id}/preread` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]/preread',
    case: 'not invited, pre-read out',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')]);
      await distribute(s, m.meeting.id);
      return { page: `/meetings/${m.meeting.id}/preread` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]/preread',
    case: 'not invited, SME of one item',
    call: async (s) => {
      const m = await meeting(s, [await other(s, 'leader')], { sme: (await meOr(s, 'engineer')).name });
      await distribute(s, m.meeting.id);
      return { page: `/meetings/${m.meeting.id}/preread` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]/present',
    case: 'they are invited',
    call: async (s) => ({ page: `/meetings/${(await meeting(s, [await meOr(s, 'leader')])).meeting.id}/present` }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /meetings/[id]/present',
    case: 'they are not invited',
    call: async (s) => ({ page: `/meetings/${(await meeting(s, [await other(s, 'leader')])).meeting.id}/present` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /notifications',
    case: 'their own',
    call: () => ({ page: '/notifications' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /notifications/[id]',
    case: 'their own notification',
    call: async (s) => ({
      page: `/notifications/${(await notification(s, await meOr(s, 'leader'), '/notifications')).id}`,
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'GET /notifications/[id]',
    case: "someone else's notification",
    call: async (s) => ({
      page: `/notifications/${(await notification(s, await other(s, 'leader'), '/notifications')).id}`,
    }),
    expect: allow([], 'forbidden'),
  },
  {
    target: 'page /requests',
    case: 'their own',
    call: () => ({ page: '/requests' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /requests/new',
    case: 'form',
    call: () => ({ page: '/requests/new' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /requests/[id]',
    case: 'their own request',
    call: async (s) => ({
      page: `/requests/${(await item(s, { cycleId: null, status: 'submitted', requestor: await meOr(s, 'requestor') })).id}`,
    }),
    expect: allow(SIGNED_IN, 'hidden'),
  },
  {
    target: 'page /requests/[id]',
    case: "someone else's request",
    call: async (s) => ({ page: `/requests/${(await item(s, { cycleId: null, status: 'submitted' })).id}` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /settings',
    case: 'their own',
    call: () => ({ page: '/settings' }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'page /triage',
    case: 'the queue',
    call: () => ({ page: '/triage' }),
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'page /triage/[id]',
    case: 'a submitted request',
    call: async (s) => ({ page: `/triage/${(await item(s, { cycleId: null, status: 'submitted' })).id}` }),
    expect: allow(MANAGERS, 'forbidden'),
  },
];
