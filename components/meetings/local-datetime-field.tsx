'use client';
import { useState } from 'react';
import { FieldFrame, controlClass, describedBy } from '@/components/ui/field';
import { isoToZonedInput, zonedInputToIso } from '@/lib/meetings/zoned-input';
import { useTimeZone } from './use-time-zone';

/**
 * A date and time picked in the viewer's own time zone. The visible datetime-local input has no
 * zone, so the value the server receives is a hidden UTC ISO string under `name`, converted here;
 * the server validates that. The zone is named beside the field so nobody has to guess.
 */
export function LocalDateTimeField({
  label,
  name,
  defaultIso,
  errors,
  hint,
}: {
  label: string;
  name: string;
  defaultIso?: string;
  errors?: string[];
  hint?: string;
}) {
  // The person's chosen zone, else the browser's: the one every time on the page is shown in.
  const zone = useTimeZone();
  const [local, setLocal] = useState<string | null>(null);
  // Until the user edits, show the default converted to their zone (the browser's is known only after hydration).
  const shown = local ?? (zone && defaultIso ? isoToZonedInput(defaultIso, zone) : '');
  const iso = local === null ? (defaultIso ?? '') : zone ? zonedInputToIso(local, zone) : '';
  const id = `${name}-local`;
  const note = zone ? `Times are in ${zone}` : 'Times are in your time zone';
  return (
    <FieldFrame label={label} id={id} errors={errors} hint={hint} note={note}>
      <input
        id={id}
        type="datetime-local"
        value={shown}
        onChange={(e) => setLocal(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint, note)}
        className={controlClass}
      />
      <input type="hidden" name={name} value={iso} />
    </FieldFrame>
  );
}
