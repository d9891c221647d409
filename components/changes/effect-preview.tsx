import Link from '@/components/ui/link';
import type { Conflict } from '@/lib/changes/conflicts.server';
import type { Preview } from '@/lib/changes/preview';
import { formatWeeks, personWeeks } from '@/lib/meetings/format';
import { plural } from '@/lib/plural';
import { changeRequestHref, listWords } from './labels';
import { table, tableWrap, td, th } from '@/components/outcome/table-styles';
import { ScrollBox } from '@/components/ui/scroll-box';

/**
 * The effect of a change request on the schedule, the same on the raise form (as
 * the user types) and on the request's page (on today's schedule): conflicts with other open
 * requests first, then what falls below the cut line, the load per period and the new order. No
 * hooks, so it renders on the server and inside the client form alike; over-capacity and moves
 * are said in words, never by colour alone.
 */

const weeksText = (weeks: number | null) => (weeks === null ? 'not estimated' : `${formatWeeks(weeks)} pw`);

export function ConflictsAlert({
  conflicts,
  titles,
  incomingId,
}: {
  conflicts: Conflict[];
  titles: Record<number, string>;
  incomingId: number | null;
}) {
  if (conflicts.length === 0) return null;
  return (
    <div
      role="alert"
      className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Conflicts with other open change requests</p>
      <ul className="list-disc space-y-0.5 pl-5">
        {conflicts.map((c) => {
          const moved = c.itemIds.filter((id) => id !== incomingId).map((id) => titles[id] ?? `item #${id}`);
          const bringsIn = incomingId !== null && c.itemIds.includes(incomingId);
          return (
            <li key={c.changeRequestId}>
              <Link href={changeRequestHref(c.changeRequestId)}>
                Change request #{c.changeRequestId} &quot;{c.title}&quot;
              </Link>
              {moved.length > 0 && <> also moves {listWords(moved)}</>}
              {bringsIn && (
                <>
                  {moved.length > 0 ? ' and' : ''} also brings in {titles[incomingId] ?? `item #${incomingId}`}
                </>
              )}
              .
            </li>
          );
        })}
      </ul>
      <p>Approving one of them marks the others as needing review.</p>
    </div>
  );
}

export function EffectPreview({
  preview,
  conflicts,
  periods,
  titles,
  capacityWeeks,
  pending = false,
}: {
  preview: Preview;
  conflicts: Conflict[];
  periods: { id: number; name: string }[];
  /** Titles of the items conflicts and removals name, by id. */
  titles: Record<number, string>;
  capacityWeeks: number;
  /** Shown while a newer preview is on its way (the raise form). */
  pending?: boolean;
}) {
  const periodName = new Map(periods.map((p) => [p.id, p.name]));
  const { before, after } = preview.cut;
  const incoming = preview.order.find((row) => row.change === 'in');
  const removed = preview.removed.map((id) => titles[id] ?? `item #${id}`);
  const fallsBelow = preview.order
    .filter((row) => row.id !== null && preview.newlyBelowCut.includes(row.id))
    .map((row) => row.title);
  const problems = Object.values(preview.errors).flat();
  return (
    <section
      aria-labelledby="effect-heading"
      aria-busy={pending || undefined}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="effect-heading" className="text-lg font-semibold">
        Effect of this change
      </h2>
      <ConflictsAlert conflicts={conflicts} titles={titles} incomingId={incoming?.id ?? null} />
      {problems.length > 0 && (
        <div className="text-sm text-red-800 dark:text-red-300">
          <p className="font-medium">As it stands, this change cannot be applied to the schedule:</p>
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="grid gap-x-4 gap-y-1 text-sm grid-cols-1 sm:grid-cols-[12rem_1fr]">
        <dt className="text-zinc-600 dark:text-zinc-400">Cut line before</dt>
        <dd>
          {before.fitCount} of {plural(before.acceptedCount, 'item')} {before.fitCount === 1 ? 'fits' : 'fit'} the
          capacity ({formatWeeks(before.fittingWeeks)} of {personWeeks(capacityWeeks)})
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Cut line after</dt>
        <dd>
          {after.fitCount} of {plural(after.acceptedCount, 'item')} {after.fitCount === 1 ? 'fits' : 'fit'} the capacity
          ({formatWeeks(after.fittingWeeks)} of {personWeeks(capacityWeeks)})
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Falls below the cut line</dt>
        <dd>
          {fallsBelow.length ? (
            <strong className="font-medium">{listWords(fallsBelow)}</strong>
          ) : (
            'Nothing that fits today'
          )}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Moves out of the schedule</dt>
        <dd>{removed.length ? `${listWords(removed)} (back to deferred)` : 'Nothing'}</dd>
      </dl>

      {preview.loadByPeriod.length > 0 && (
        <ScrollBox label="Load by period" className={tableWrap}>
          <table className={table}>
            <caption className="px-2 py-1.5 text-left text-sm font-medium">Load per period (person-weeks)</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Period
                </th>
                <th scope="col" className={th}>
                  Before
                </th>
                <th scope="col" className={th}>
                  After
                </th>
                <th scope="col" className={th}>
                  Capacity
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.loadByPeriod.map((p) => (
                <tr key={p.periodId}>
                  <th scope="row" className={`${td} text-left font-medium`}>
                    {p.name}
                  </th>
                  <td className={`${td} tabular-nums`}>{formatWeeks(p.before)}</td>
                  <td className={`${td} tabular-nums`}>{formatWeeks(p.after)}</td>
                  <td className={`${td} tabular-nums`}>{formatWeeks(p.capacityWeeks)}</td>
                  <td className={td}>
                    {p.over ? (
                      <strong className="font-medium text-red-800 dark:text-red-300">
                        Over capacity by {formatWeeks(p.after - p.capacityWeeks)}
                      </strong>
                    ) : (
                      'Within capacity'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}

      <div className="space-y-1">
        <h3 className="text-sm font-semibold">New order</h3>
        <ol className="space-y-0.5 text-sm" aria-label="New order">
          {preview.order.map((row, index) => (
            <li key={row.id ?? 'incoming'}>
              {index === after.fitCount && index > 0 && (
                <p className="my-1 border-t-2 border-dashed border-red-400 pt-0.5 text-xs font-medium text-red-700 dark:text-red-300">
                  Cut line: the items below do not fit the capacity
                </p>
              )}
              <p
                className={`flex flex-wrap items-baseline gap-x-2 rounded px-1 ${row.change === 'in' ? 'bg-indigo-50 dark:bg-indigo-950/50' : row.change === 'later' ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}
              >
                <span className="w-8 shrink-0 text-right tabular-nums text-zinc-600 dark:text-zinc-400">
                  {index + 1}.
                </span>
                <span className={`min-w-0 wrap-anywhere ${row.change ? 'font-medium' : ''}`}>{row.title}</span>
                {row.change === 'in' && (
                  <span className="rounded bg-indigo-600 px-1 text-xs font-medium text-white">in</span>
                )}
                {row.change === 'later' && (
                  <span className="rounded bg-amber-200 px-1 text-xs font-medium text-amber-900 dark:bg-amber-800 dark:text-amber-50">
                    moved later
                  </span>
                )}
                <span className="text-zinc-600 dark:text-zinc-400">
                  {weeksText(row.weeks)} ·{' '}
                  {row.periodId === null ? 'no period' : (periodName.get(row.periodId) ?? 'a period')}
                </span>
                {row.belowCut && (
                  <span className="text-xs text-red-700 dark:text-red-300">
                    {row.id !== null && preview.newlyBelowCut.includes(row.id)
                      ? 'falls below the cut line'
                      : 'below the cut line'}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
