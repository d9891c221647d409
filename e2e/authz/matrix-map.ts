/** The matrix's rows for the story map: its page, its JSON route (state and commands) and its live stream. */
import { mapActivities, mapSlices, mapSteps } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { allow, BACKLOG, type Row } from './rows';
import { cycle, item, type Scene } from './scene';

// Shaping the map is for the people who shape the backlog; leaders look at it, requestors do not see it.
const EDITORS = ['admin', 'pm', 'engineer'] as const;

/** A cycle whose map has one step and its default slices, with one item in the tray. */
async function mapWithCard(s: Scene) {
  const c = await cycle(s);
  const db = s.world.db;
  const activity = (
    await db.insert(mapActivities).values({ cycleId: c.id, name: 'Sign up', position: 0 }).returning()
  )[0];
  const step = (
    await db.insert(mapSteps).values({ activityId: activity.id, name: 'Enter e-mail', position: 0 }).returning()
  )[0];
  const slice = (await db.select().from(mapSlices).where(eq(mapSlices.cycleId, c.id)))[0];
  const it = await item(s, { cycleId: c.id });
  return { cycleId: c.id, stepId: step.id, sliceId: slice.id, itemId: it.id };
}

export const MAP_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/map',
    case: 'a planning cycle',
    call: async (s) => ({ page: `/cycles/${(await cycle(s)).id}/map` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /api/cycles/[id]/map',
    case: 'a planning cycle',
    call: async (s) => ({ api: 'GET', url: `/api/cycles/${(await cycle(s)).id}/map` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'GET /api/cycles/[id]/map/events',
    case: 'a planning cycle',
    call: async (s) => ({ api: 'GET', url: `/api/cycles/${(await cycle(s)).id}/map/events` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'POST /api/cycles/[id]/map',
    case: 'add a slice',
    call: async (s) => ({
      api: 'POST',
      url: `/api/cycles/${(await cycle(s)).id}/map`,
      body: { action: 'add-slice', name: 'Someday' },
    }),
    expect: allow(EDITORS, 'forbidden'),
  },
  {
    target: 'POST /api/cycles/[id]/map',
    case: 'move a card from the tray into a cell',
    call: async (s) => {
      const m = await mapWithCard(s);
      return {
        api: 'POST',
        url: `/api/cycles/${m.cycleId}/map`,
        body: {
          action: 'move-card',
          itemId: m.itemId,
          version: 0,
          to: { stepId: m.stepId, sliceId: m.sliceId },
          index: 0,
        },
      };
    },
    expect: allow(EDITORS, 'forbidden'),
  },
];
