import type { Role, ScoringModel } from '@/db/schema';

/**
 * The roles that may own an input; a requestor cannot see the backlog, so never owns one. Kept apart from
 * the zod schemas: the settings form in the browser lists them, and zod compiles with `new Function`,
 * which the Content-Security-Policy forbids there.
 */
export const INPUT_OWNER_ROLES = ['admin', 'pm', 'leader', 'engineer'] as const;

/**
 * The scoring models a cycle may use, as data: each input's label, help, range and the role that
 * fills it by default. The formulas live in ./formulas.ts. Keys are shared where two models mean
 * the same thing ("effort" in person-weeks), so switching models keeps what people already gave.
 */

export type InputKey =
  | 'value'
  | 'reach'
  | 'impact'
  | 'confidence'
  | 'effort'
  | 'business_value'
  | 'time_criticality'
  | 'risk_reduction'
  | 'job_size';

export type InputSpec = {
  key: InputKey;
  label: string;
  help: string;
  min: number;
  max: number;
  /** Smallest step the field offers; the server checks integers and the allowed list, not the step. */
  step: number;
  /** When true, the minimum itself is refused (effort 0 would divide by zero). */
  minExclusive?: boolean;
  integer?: boolean;
  /** The only values allowed (RICE impact), with their names. */
  choices?: { value: number; label: string }[];
  defaultOwner: Role;
  /** The item's estimate (person-weeks) stands in when nobody has given this input. */
  defaultsToEstimate?: boolean;
};

export type ModelSpec = { key: Exclude<ScoringModel, 'none'>; name: string; formula: string; inputs: InputSpec[] };

const EFFORT: InputSpec = {
  key: 'effort',
  label: 'Effort',
  help: 'Person-weeks of work, more than 0. Until someone gives it, the item’s estimate is used.',
  min: 0,
  max: 10_000,
  step: 0.5,
  minExclusive: true,
  defaultOwner: 'engineer',
  defaultsToEstimate: true,
};

const wsjfPart = (key: InputKey, label: string, help: string): InputSpec => ({
  key,
  label,
  help,
  min: 1,
  max: 20,
  step: 1,
  defaultOwner: 'leader',
});

export const MODELS: Record<ModelSpec['key'], ModelSpec> = {
  value_effort: {
    key: 'value_effort',
    name: 'Value / effort',
    formula: 'value ÷ effort',
    inputs: [
      {
        key: 'value',
        label: 'Value',
        help: 'Business value from 1 (little) to 10 (a lot).',
        min: 1,
        max: 10,
        step: 1,
        defaultOwner: 'leader',
      },
      EFFORT,
    ],
  },
  rice: {
    key: 'rice',
    name: 'RICE',
    formula: 'reach × impact × confidence ÷ effort',
    inputs: [
      {
        key: 'reach',
        label: 'Reach',
        help: 'People or events affected per quarter: a whole number, 0 or more.',
        min: 0,
        max: 100_000_000,
        step: 1,
        integer: true,
        defaultOwner: 'leader',
      },
      {
        key: 'impact',
        label: 'Impact',
        help: 'Per person reached: 0.25 minimal, 0.5 low, 1 medium, 2 high, 3 massive.',
        min: 0.25,
        max: 3,
        step: 0.25,
        choices: [
          { value: 0.25, label: 'minimal' },
          { value: 0.5, label: 'low' },
          { value: 1, label: 'medium' },
          { value: 2, label: 'high' },
          { value: 3, label: 'massive' },
        ],
        defaultOwner: 'leader',
      },
      {
        key: 'confidence',
        label: 'Confidence',
        help: 'How sure the reach and impact are, in percent from 0 to 100.',
        min: 0,
        max: 100,
        step: 1,
        defaultOwner: 'leader',
      },
      EFFORT,
    ],
  },
  wsjf: {
    key: 'wsjf',
    name: 'WSJF',
    formula: '(business value + time criticality + risk reduction) ÷ job size',
    inputs: [
      wsjfPart('business_value', 'User/business value', 'Relative value to users and the business, 1 to 20.'),
      wsjfPart('time_criticality', 'Time criticality', 'How much the value decays with waiting, 1 to 20.'),
      wsjfPart(
        'risk_reduction',
        'Risk reduction/opportunity enablement',
        'Risk it removes or opportunities it opens, 1 to 20.',
      ),
      {
        key: 'job_size',
        label: 'Job size',
        help: 'Relative size of the work, 1 to 20.',
        min: 1,
        max: 20,
        step: 1,
        defaultOwner: 'engineer',
      },
    ],
  },
};

/** Every input key any model uses, once. */
export const ALL_INPUTS: InputKey[] = [...new Set(Object.values(MODELS).flatMap((m) => m.inputs.map((i) => i.key)))];

/** Each input's label, whichever model it belongs to. */
export const INPUT_LABEL = Object.fromEntries(
  Object.values(MODELS).flatMap((m) => m.inputs.map((i) => [i.key, i.label])),
) as Record<InputKey, string>;

export const MODEL_KEYS = Object.keys(MODELS) as ModelSpec['key'][];

export function modelOf(model: ScoringModel): ModelSpec | null {
  return model === 'none' ? null : MODELS[model];
}

export function inputSpec(model: ModelSpec, key: string): InputSpec | undefined {
  return model.inputs.find((i) => i.key === key);
}

/**
 * Why `value` is not acceptable for `spec`, or null. `name` is how the message names the input, e.g.
 * "Confidence for “Checkout”", so a person with many rows knows which field to fix.
 */
export function inputProblem(spec: InputSpec, value: number, name = spec.label): string | null {
  if (!Number.isFinite(value)) return `${name} must be a number.`;
  if (spec.choices) {
    if (spec.choices.some((c) => c.value === value)) return null;
    return `${name} must be one of ${spec.choices.map((c) => `${c.value} (${c.label})`).join(', ')}.`;
  }
  if (spec.integer && !Number.isInteger(value)) return `${name} must be a whole number.`;
  if (spec.minExclusive ? value <= spec.min : value < spec.min)
    return spec.minExclusive ? `${name} must be more than ${spec.min}.` : `${name} must be at least ${spec.min}.`;
  if (value > spec.max) return `${name} must be at most ${spec.max.toLocaleString('en')}.`;
  return null;
}
