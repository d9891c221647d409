import type { PrereadItemView } from '@/lib/prereads/read';
import { EMPTY_VALUE, kindText } from '@/lib/prereads/changes';
import { QuestionThread, type AskState } from './thread';

const weeks = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });

function estimateLabel(item: PrereadItemView): string {
  if (!item.estimate) return 'Not estimated';
  const pw = item.effectiveWeeks === null ? '' : `${weeks.format(item.effectiveWeeks)} person-weeks`;
  // A size shows its weeks too; an estimate given in weeks is already a number.
  return /^\d/.test(item.estimate) ? pw || item.estimate : pw ? `${item.estimate} (${pw})` : item.estimate;
}

function Field({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className="mt-0.5 whitespace-pre-line break-words text-sm">{value.trim() ? value : EMPTY_VALUE}</dd>
    </div>
  );
}

/** Marked in words, not colour alone: what changed after the pre-read went out, before → after. */
function ChangedMarker({ changes }: { changes: PrereadItemView['changes'] }) {
  return (
    <div role="note" aria-label="Changed since the pre-read" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40">
      <p className="font-semibold text-amber-900 dark:text-amber-200">Changed since the pre-read</p>
      <ul className="mt-1 space-y-0.5">
        {changes.map((c) => (
          <li key={c.field} className="whitespace-pre-line break-words"><span className="font-medium">{c.label}:</span> {c.before} → {c.after}</li>
        ))}
      </ul>
    </div>
  );
}

/** One item of the pre-read as frozen when it was sent, with its changes since and its questions. */
export function PrereadItem({ item, meetingId, ask }: { item: PrereadItemView; meetingId: number; ask: AskState }) {
  const titleId = `item-${item.id}-title`;
  return (
    <article id={`item-${item.id}`} aria-labelledby={titleId} className="preread-item scroll-mt-4 space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h3 id={titleId} className="text-base font-semibold">{item.title}</h3>
      {item.changes.length > 0 && <ChangedMarker changes={item.changes} />}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Field label="Description" value={item.description} wide />
        <Field label="Business benefit" value={item.businessBenefit} wide />
        <Field label="Estimate" value={estimateLabel(item)} />
        <Field label="Kind" value={kindText(item.kind)} />
        <Field label="SME" value={item.sme} />
        <Field label="Sponsor" value={item.sponsor ?? ''} />
        <Field label="Requestor" value={item.requestor} />
        <Field label="Department" value={item.department} />
        <Field label="Modules" value={item.modules.join(', ')} wide />
      </dl>
      <QuestionThread meetingId={meetingId} itemId={item.id} title={item.title} questions={item.questions} ask={ask} />
    </article>
  );
}
