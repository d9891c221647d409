/**
 * Seeds the story map benchmark's database (run under --conditions=react-server, with DATABASE_URL set to
 * a fresh file; importing db/client runs the migrations): the demo (its pm and engineer sign in), plus a
 * cycle whose map has 3 activities of 4 steps and CARDS items placed round-robin in its cells (This cycle,
 * Next, Later). Prints `{"cycleId":…,"pm":"…","engineer":"…","password":"…","cells":[{stepId,sliceId}…],
 * "movers":[itemId…]}` as its last line.
 *
 *   DATABASE_URL=./data/bench-map.sqlite BENCH_MAP_CARDS=300 npx tsx --conditions=react-server scripts/bench/seed-map.ts
 */
import { closeDatabase, databaseReady, db, transaction } from '../../db/client';
import { makeCycle, makeItem, makeTheme, SIZE_LIST } from '../../db/factories';
import { mapActivities, mapCards, mapSlices, mapSteps } from '../../db/schema';
import { asc, eq } from 'drizzle-orm';
import { DEMO_PASSWORD, seedDemo } from '../../lib/demo/seed.server';

await databaseReady;

const CARDS = Number(process.env.BENCH_MAP_CARDS ?? 300);

const { people } = await transaction((tx) => seedDemo(tx));
const pm = people.get('pm@quorum.test')!;
const cycle = await makeCycle(db, { name: 'Bench map 2027-Q4', startsOn: '2027-10-04', endsOn: '2027-12-24' });
const theme = await makeTheme(db, cycle.id, { name: 'Map bench', keyOutcome: 'A map of 300 cards stays quick' });
const slices = await db
  .select()
  .from(mapSlices)
  .where(eq(mapSlices.cycleId, cycle.id))
  .orderBy(asc(mapSlices.position));

const cells = await transaction(async (tx) => {
  const out: { stepId: number; sliceId: number }[] = [];
  const steps: number[] = [];
  for (const [a, name] of ['Discover', 'Decide', 'Deliver'].entries()) {
    const activity = (await tx.insert(mapActivities).values({ cycleId: cycle.id, name, position: a }).returning())[0];
    for (let s = 0; s < 4; s++)
      steps.push(
        (
          await tx
            .insert(mapSteps)
            .values({ activityId: activity.id, name: `${name} ${s + 1}`, position: s })
            .returning()
        )[0].id,
      );
  }
  for (const slice of slices) for (const stepId of steps) out.push({ stepId, sliceId: slice.id });
  return out;
});

const itemIds = await transaction(async (tx) => {
  const ids: number[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < CARDS; i++) {
    const item = await makeItem(tx, {
      cycleId: cycle.id,
      themeId: theme.id,
      title: `Map bench card ${i + 1}`,
      estimateSize: SIZE_LIST[i % 5],
      requestorId: pm.id,
      departmentId: pm.departmentId,
      status: 'curated',
    });
    const cell = cells[i % cells.length];
    await tx.insert(mapCards).values({
      itemId: item.id,
      cycleId: cycle.id,
      ...cell,
      position: Math.floor(i / cells.length),
      version: 1,
      updatedAt: now,
    });
    ids.push(item.id);
  }
  return ids;
});

console.log(
  JSON.stringify({
    cycleId: cycle.id,
    pm: 'pm@quorum.test',
    engineer: 'engineer@quorum.test',
    password: DEMO_PASSWORD,
    cells,
    movers: itemIds.slice(0, 20),
  }),
);
await closeDatabase();
