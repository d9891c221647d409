import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { affectedRows, first } from '@/db/rows';
import { cycles, themes } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { diff, logEvent } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { REVIEWABLE } from './review';
import { MetricActualSchema } from './schema';

export const ONLY_PUBLISHED = 'Only a published cycle can be closed';

/**
 * Closes a published cycle (pm/admin). Earlier statuses are refused: the review compares delivery
 * with the published outcome, which does not exist before. The status change is logged.
 */
export async function closeCycle(actor: ActingUser, cycleId: number): Promise<void> {
  assertCan(actor, 'cycle.manage');
  await transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    if (cycle.status !== 'published') throw new ConflictError(`${ONLY_PUBLISHED}; ${cycle.name} is ${cycle.status}.`);
    // The status in the condition makes a second, racing close change nothing.
    const done = await tx
      .update(cycles)
      .set({ status: 'closed' })
      .where(and(eq(cycles.id, cycleId), eq(cycles.status, 'published')));
    if (affectedRows(done) === 0) throw new ConflictError(`${ONLY_PUBLISHED}; ${cycle.name} is already closed.`);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'cycle.status_changed',
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { changes: { status: { from: 'published', to: 'closed' } } },
    });
  });
}

/**
 * Records the value measured for a theme's metric (pm/admin), on a published or closed cycle; an
 * empty value clears it. Refused for a theme without a metric: the number would measure nothing.
 */
export async function recordMetricActual(actor: ActingUser, cycleId: number, input: unknown): Promise<void> {
  assertCan(actor, 'cycle.manage');
  const data = parseOrThrow(MetricActualSchema, input);
  await transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    if (!REVIEWABLE.includes(cycle.status))
      throw new ConflictError(
        `The measured value is recorded in the review, once the outcome of ${cycle.name} is published.`,
      );
    const theme = first(
      await tx
        .select()
        .from(themes)
        .where(and(eq(themes.id, data.themeId), eq(themes.cycleId, cycleId))),
    );
    if (!theme) throw new NotFoundError('This theme');
    if (!theme.metricName)
      throw new ValidationError({ metricActual: [`The theme ${theme.name} has no metric to measure.`] });
    const changes = diff({ metricActual: theme.metricActual }, { metricActual: data.metricActual });
    if (Object.keys(changes).length === 0) return;
    await tx.update(themes).set({ metricActual: data.metricActual }).where(eq(themes.id, theme.id));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'theme.metric_measured',
      subjectType: 'theme',
      subjectId: theme.id,
      data: { cycleId, changes },
    });
  });
}
