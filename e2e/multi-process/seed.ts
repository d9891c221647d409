/**
 * Writes the multi-process test's data into the PostgreSQL database at DATABASE_URL and prints it as
 * JSON. A separate process, because a Playwright worker has already chosen SQLite's tables for its
 * own fixtures: one process, one database. Run with the react-server condition (db/ is server-only).
 */
import { closeDatabase, databaseReady, db } from '../../db/client';
import { outbox } from '../../db/schema';
import { hashPassword } from '../../lib/auth/password.server';
import { makePrioritisation } from '../fixtures/data';
import { createWorld, PASSWORD } from '../fixtures/world';

export const MAILS = 12;

await databaseReady;
const world = createWorld(db, await hashPassword(PASSWORD));
const scene = await makePrioritisation(world);
// Mail already due when the processes start: their outbox workers race for it.
const now = Date.now();
await db.insert(outbox).values(
  Array.from({ length: MAILS }, (_, i) => ({
    toUserId: scene.pm.id,
    toAddress: scene.pm.email,
    subject: `Multi-process mail ${i + 1} ${world.tag}`,
    text: 'Sent once, whichever process claims it.',
    html: '<p>Sent once, whichever process claims it.</p>',
    nextAttemptAt: now,
    createdAt: new Date(now).toISOString(),
  })),
);
console.log(
  JSON.stringify({
    pm: scene.pm,
    leaders: [scene.leaders.Sales, scene.leaders.Finance],
    cycle: { id: scene.cycle.id, name: scene.cycle.name },
    meeting: { id: scene.meeting.id, title: scene.meeting.title },
    agenda: scene.agenda,
    tag: world.tag,
  }),
);
await closeDatabase();
