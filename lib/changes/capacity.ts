import type { CapacityOverrun } from '@/db/schema';
import type { FieldErrors } from '@/lib/errors';
import { formatWeeks } from '@/lib/meetings/format';
import type { Preview } from './preview';
import type { ProposalInput } from './schema';

export type { CapacityOverrun };

/**
 * Going over capacity with a change request is allowed, but only on purpose: the raiser confirms
 * it in so many words, and the request keeps what they confirmed. Pure (client-safe): the raise
 * form shows the same words the server checks.
 */

const EPSILON = 1e-9;

/**
 * The periods the proposal leaves over capacity AND loads more than before. A period that was
 * already over and that the change does not add to needs no confirmation: the change did not do it.
 */
export function capacityOverruns(preview: Pick<Preview, 'loadByPeriod'>): CapacityOverrun[] {
  return preview.loadByPeriod
    .filter((p) => p.after > p.capacityWeeks + EPSILON && p.after > p.before + EPSILON)
    .map((p) => ({ periodId: p.periodId, name: p.name, weeks: p.after, capacityWeeks: p.capacityWeeks }));
}

/** "November by 2 person-weeks (12 of 10)", several joined with "and". */
export function overrunsText(overruns: readonly CapacityOverrun[]): string {
  const parts = overruns.map((o) => {
    const by = o.weeks - o.capacityWeeks;
    const unit = by === 1 ? 'person-week' : 'person-weeks';
    return `${o.name} by ${formatWeeks(by)} ${unit} (${formatWeeks(o.weeks)} of ${formatWeeks(o.capacityWeeks)})`;
  });
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The confirmation checkbox's label; the server's refusal names it. */
export const CONFIRM_OVER_CAPACITY_LABEL = 'I confirm going over capacity';

export const overCapacityRefusal = (overruns: readonly CapacityOverrun[]) =>
  `This change goes over capacity: ${overrunsText(overruns)}. Tick "${CONFIRM_OVER_CAPACITY_LABEL}" to go ahead anyway.`;

/**
 * The periods the proposal takes over capacity, to be stored with the request (null: none). Without
 * the raiser's explicit confirmation they become a refusal on `confirmOverCapacity`, added to `errors`.
 */
export function confirmedOverruns(
  effect: Preview,
  proposal: Pick<ProposalInput, 'confirmOverCapacity'> | null,
  errors: FieldErrors,
): CapacityOverrun[] | null {
  const overruns = capacityOverruns(effect);
  if (overruns.length === 0) return null;
  if (!proposal?.confirmOverCapacity) (errors.confirmOverCapacity ??= []).push(overCapacityRefusal(overruns));
  return overruns;
}
