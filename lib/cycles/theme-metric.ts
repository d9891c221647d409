import { z } from 'zod';
import { singleLine } from '@/lib/validation';

/**
 * A measurable key outcome: what is measured, in which unit, from which baseline to which target.
 * Every part is optional, but a number means nothing without the name of what it measures.
 */

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : typeof v === 'string' ? v.trim() || null : v);

const optionalText = (label: string, max: number) => z.preprocess(emptyToNull, singleLine(label, max).nullable());

// "2.1", "-3", "1000": plain decimals only, so "2,1" or "1e3" are refused rather than guessed at.
const DECIMAL = /^-?\d{1,12}(\.\d{1,6})?$/;

const optionalNumber = (label: string) => {
  const message = `${label} must be a number, like 2.5 (or empty).`;
  return z.preprocess(
    emptyToNull,
    z
      .union([z.string().regex(DECIMAL, message).transform(Number), z.number().finite(message)], { error: message })
      .refine((n) => Math.abs(n) <= 1e12, `${label} is too large.`)
      .nullable(),
  );
};

export const themeMetricFields = {
  metricName: optionalText('Metric name', 80),
  metricUnit: optionalText('Metric unit', 20),
  metricBaseline: optionalNumber('Metric baseline'),
  metricTarget: optionalNumber('Metric target'),
};

export type ThemeMetric = {
  metricName: string | null;
  metricUnit: string | null;
  metricBaseline: number | null;
  metricTarget: number | null;
};

/** A baseline, target or unit without a metric name: the message goes to the metric name field. */
export function checkMetricNamed(m: ThemeMetric, ctx: z.RefinementCtx): void {
  if (m.metricName !== null) return;
  const given = [
    m.metricBaseline !== null && 'a baseline',
    m.metricTarget !== null && 'a target',
    m.metricUnit !== null && 'a unit',
  ].filter(Boolean);
  if (given.length > 0)
    ctx.addIssue({
      code: 'custom',
      path: ['metricName'],
      message: `Metric name is required when the key outcome has ${given.join(' or ')}.`,
    });
}

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 6, useGrouping: false });

function withUnit(value: number, unit: string | null): string {
  return unit ? `${numberFormat.format(value)} ${unit}` : numberFormat.format(value);
}

/**
 * "Checkout conversion: 2.1 % → 3 %"; "Checkout conversion: from 2.1 %" or "…: target 3 %" when
 * only one number is known; the name alone without numbers; null without a metric.
 */
export function formatMetric(m: Partial<ThemeMetric>): string | null {
  const name = m.metricName?.trim();
  if (!name) return null;
  const unit = m.metricUnit?.trim() || null;
  const baseline = m.metricBaseline ?? null;
  const target = m.metricTarget ?? null;
  if (baseline !== null && target !== null) return `${name}: ${withUnit(baseline, unit)} → ${withUnit(target, unit)}`;
  if (baseline !== null) return `${name}: from ${withUnit(baseline, unit)}`;
  if (target !== null) return `${name}: target ${withUnit(target, unit)}`;
  return unit ? `${name} (${unit})` : name;
}

/** A theme as a frozen document keeps it: the metric's words only when there is one. */
export function withMetric<T extends object>(theme: T, metric: string | null): T & { metric?: string } {
  return metric ? { ...theme, metric } : theme;
}
