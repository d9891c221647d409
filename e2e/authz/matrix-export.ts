/**
 * The exports' rows: each download answers to the rule of the page it exports (the backlog and the
 * change requests: the backlog roles; the schedule: the backlog roles, everyone once published).
 */
import { allow, BACKLOG, SIGNED_IN, type Row } from './rows';
import { cycle, delivery, item, publishSchedule } from './scene';
import { changeRequest } from './scene-changes';

export const EXPORT_ROWS: Row[] = [
  {
    target: 'GET /cycles/[id]/export/backlog',
    case: 'a planning cycle, filtered',
    call: async (s) => {
      const c = await cycle(s);
      await item(s, { cycleId: c.id });
      return { page: `/cycles/${c.id}/export/backlog?format=xlsx&kind=feature&sort=-title` };
    },
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /cycles/[id]/export/schedule',
    case: 'published',
    call: async (s) => {
      const d = await delivery(s);
      await publishSchedule(s, d.cycle.id);
      return { page: `/cycles/${d.cycle.id}/export/schedule?format=csv` };
    },
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'GET /cycles/[id]/export/schedule',
    case: 'not published yet',
    call: async (s) => ({ page: `/cycles/${(await delivery(s)).cycle.id}/export/schedule?format=xlsx` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /cycles/[id]/export/changes',
    case: 'a cycle in delivery',
    call: async (s) => {
      const d = await delivery(s);
      await changeRequest(s, d.cycle.id, d.periods[0].id);
      return { page: `/cycles/${d.cycle.id}/export/changes?format=csv` };
    },
    expect: allow(BACKLOG, 'forbidden'),
  },
];
