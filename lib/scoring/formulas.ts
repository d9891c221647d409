import type { InputKey, ModelSpec } from './models';

/** What is known of an item's inputs: a number per input key that someone has given. */
export type InputValues = Partial<Record<InputKey, number>>;

/**
 * A score, or why there is none. A missing input never counts as 0: the score is "incomplete" and
 * names what is missing, so an unscored item is never mistaken for a worthless one.
 */
export type Score =
  | { complete: true; value: number; given: number; total: number; effortFromEstimate: boolean }
  | { complete: false; given: number; total: number; missing: string[]; effortFromEstimate: boolean };

const FORMULA: Record<ModelSpec['key'], (v: Record<InputKey, number>) => number> = {
  value_effort: (v) => v.value / v.effort,
  rice: (v) => (v.reach * v.impact * (v.confidence / 100)) / v.effort,
  wsjf: (v) => (v.business_value + v.time_criticality + v.risk_reduction) / v.job_size,
};

/**
 * The item's score under `model`. `estimateWeeks` (the item's effective estimate) stands in for an
 * input that defaults to it, but only when it is more than 0, the input's own rule.
 */
export function computeScore(model: ModelSpec, values: InputValues, estimateWeeks: number | null): Score {
  const known: Partial<Record<InputKey, number>> = {};
  const missing: string[] = [];
  let effortFromEstimate = false;
  for (const spec of model.inputs) {
    const given = values[spec.key];
    if (given !== undefined) known[spec.key] = given;
    else if (spec.defaultsToEstimate && estimateWeeks !== null && estimateWeeks > 0) {
      known[spec.key] = estimateWeeks;
      effortFromEstimate = true;
    } else missing.push(spec.label);
  }
  const total = model.inputs.length;
  const given = total - missing.length;
  if (missing.length) return { complete: false, given, total, missing, effortFromEstimate };
  return {
    complete: true,
    value: FORMULA[model.key](known as Record<InputKey, number>),
    given,
    total,
    effortFromEstimate,
  };
}

/** How a score reads in a table: "12.5", or "incomplete (2 of 4)". */
export function formatScore(score: Score): string {
  if (!score.complete) return `incomplete (${score.given} of ${score.total})`;
  return score.value.toLocaleString('en', { maximumFractionDigits: 2 });
}

/**
 * Highest score first; incomplete scores last, the fuller ones first, ties in the given order.
 * Used by the agenda's "Sort by score" suggestion; the backlog table sorts on scoreSortValue.
 */
export function compareScores(a: Score, b: Score): number {
  if (a.complete && b.complete) return b.value - a.value;
  if (a.complete !== b.complete) return a.complete ? -1 : 1;
  return b.given - a.given;
}

/** The value a sortable column compares: the score, or undefined (sorted last either way) when incomplete. */
export function scoreSortValue(score: Score | undefined): number | undefined {
  return score?.complete ? score.value : undefined;
}

/**
 * `ids` highest score first (the agenda's "Sort by score"); incomplete and unscored ones keep their
 * order after them. Only a suggestion: the pm can still reorder.
 */
export function orderByScore(ids: readonly number[], scores: Readonly<Record<number, Score>>): number[] {
  const place = new Map(ids.map((id, i) => [id, i]));
  return [...ids].sort((a, b) => {
    const [sa, sb] = [scores[a], scores[b]];
    if (sa && sb) return compareScores(sa, sb) || place.get(a)! - place.get(b)!;
    if (sa || sb) return sa ? -1 : 1;
    return place.get(a)! - place.get(b)!;
  });
}
