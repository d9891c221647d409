'use client';
import { useState } from 'react';
import { FieldFrame, controlClass, describedBy } from '@/components/ui/field';
import { useBrowserTimeZone } from './use-time-zone';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input, in the browser's own zone. */
function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2027-01-14T16:00" read as the browser's local time (as the spec reads a date-time without offset), as UTC ISO. */
function localInputToIso(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

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
  // The input's value is in the browser's zone (that is how it converts), so the note names that zone.
  const zone = useBrowserTimeZone();
  const [local, setLocal] = useState<string | null>(null);
  // Until the user edits, show the default converted to their zone (known only after hydration).
  const shown = local ?? (zone && defaultIso ? isoToLocalInput(defaultIso) : '');
  const iso = local === null ? (defaultIso ?? '') : localInputToIso(local);
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
