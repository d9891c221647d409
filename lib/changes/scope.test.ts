import { describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { raiseChangeRequest } from './requests.server';
import { assertSessionOf } from './scope.server';
import { conveneSession } from './sessions.server';
import { changeInput, seedScheduledCycle } from './test-helpers';

describe('assertSessionOf', () => {
  it("lets the request's own session through and refuses it under another request", async () => {
    const s = await seedScheduledCycle(db, { items: 3, periods: 2, leaders: 2 });
    const [first, second] = [0, 1].map(
      async (i) => (await raiseChangeRequest(s.leaders[i], s.cycle.id, changeInput(s))).changeRequest,
    );
    const session = await conveneSession(s.pm, (await first).id, {
      mode: 'live',
      inviteeIds: s.leaders.map((l) => l.id),
    });
    await assertSessionOf((await first).id, session.id);
    await expect(assertSessionOf((await second).id, session.id)).rejects.toThrow(NotFoundError);
    await expect(assertSessionOf((await first).id, 999_999_999)).rejects.toThrow(NotFoundError);
  });
});
