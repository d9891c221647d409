import { TextField } from '@/components/ui/field';
import type { ThemeMetric } from '@/lib/cycles/theme-metric';

/**
 * The measurable part of a theme's key outcome: all four optional. `label` ends each field's label
 * (" of Growth") so that several theme forms on one page stay told apart by their labels.
 */
export function ThemeMetricFields({
  prefix,
  label,
  initial,
  typed,
  errors,
}: {
  prefix: string;
  label: string;
  initial?: Partial<ThemeMetric>;
  typed?: Record<string, string | string[]>;
  errors: Record<string, string[]>;
}) {
  const value = (key: keyof ThemeMetric) => String(typed?.[key] ?? initial?.[key] ?? '');
  return (
    <fieldset className="grid gap-3 grid-cols-1 sm:col-span-3 sm:grid-cols-4">
      <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Metric (optional): how the key outcome is measured
      </legend>
      <TextField
        label={`Metric name${label}`}
        name="metricName"
        id={`${prefix}-metric-name`}
        placeholder="Checkout conversion"
        defaultValue={value('metricName')}
        errors={errors.metricName}
      />
      <TextField
        label={`Metric unit${label}`}
        name="metricUnit"
        id={`${prefix}-metric-unit`}
        placeholder="%"
        defaultValue={value('metricUnit')}
        errors={errors.metricUnit}
      />
      <TextField
        label={`Metric baseline${label}`}
        name="metricBaseline"
        id={`${prefix}-metric-baseline`}
        inputMode="decimal"
        defaultValue={value('metricBaseline')}
        errors={errors.metricBaseline}
      />
      <TextField
        label={`Metric target${label}`}
        name="metricTarget"
        id={`${prefix}-metric-target`}
        inputMode="decimal"
        defaultValue={value('metricTarget')}
        errors={errors.metricTarget}
      />
    </fieldset>
  );
}
