import type { OutcomeReport } from '@/lib/outcome/types';
import { cutLineText, weeksText } from '@/lib/outcome/text';
import { personWeeks } from '@/lib/meetings/format';
import { EmptyState } from '@/components/ui/empty-state';
import * as s from './table-styles';
import { ScrollBox } from '@/components/ui/scroll-box';

/**
 * The accepted items in rank order. The cut line is a row of its own between the last item that
 * fits and the first that does not, drawn and written out, and each row says which side it is on:
 * the line is never told by colour or position alone.
 */
export function PrioritisedList({ report }: { report: OutcomeReport }) {
  const { items, cut, summary } = report.ranking;
  const capacity = report.cycle.capacityWeeks;
  const cutRow = (
    <tr key="cut-line">
      <td
        colSpan={5}
        className="border-y-2 border-dashed border-red-500 bg-red-50 px-2 py-1 text-xs font-semibold text-red-800 dark:bg-red-950/40 dark:text-red-200"
      >
        {cutLineText(cut, capacity)}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="ranking-heading" className={s.section}>
      <h2 id="ranking-heading" className="text-lg font-semibold">
        Prioritised list
      </h2>
      <p className="text-sm tabular-nums">{summary}.</p>
      {items.length === 0 ? (
        <EmptyState title="No items were accepted">
          Nothing of this cycle is accepted, so there is nothing to rank.
        </EmptyState>
      ) : (
        <ScrollBox label="The prioritised list" className={s.tableWrap}>
          <table className={s.table}>
            <caption className={s.caption}>
              Accepted items in rank order, against the capacity of {personWeeks(capacity)}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={`${s.th} w-12`}>
                  #
                </th>
                <th scope="col" className={s.th}>
                  Item
                </th>
                <th scope="col" className={s.th}>
                  Theme
                </th>
                <th scope="col" className={`${s.th} text-right`}>
                  Person-weeks
                </th>
                <th scope="col" className={s.th}>
                  Cut line
                </th>
              </tr>
            </thead>
            <tbody>
              {items.flatMap((item, index) => [
                ...(index === cut.fitCount ? [cutRow] : []),
                <tr
                  key={item.itemId}
                  id={`rank-${item.itemId}`}
                  className={item.aboveCut ? '' : 'bg-zinc-50 text-zinc-600 dark:bg-zinc-900/50 dark:text-zinc-400'}
                >
                  <td className={`${s.td} tabular-nums`}>{item.position}</td>
                  <td className={`${s.td} font-medium`}>{item.title}</td>
                  <td className={s.td}>
                    {item.theme ?? <span className="text-zinc-500 dark:text-zinc-400">No theme</span>}
                  </td>
                  <td className={`${s.td} text-right tabular-nums`}>{weeksText(item.weeks)}</td>
                  <td className={s.td}>{item.aboveCut ? 'Above: fits' : 'Below: does not fit'}</td>
                </tr>,
              ])}
              {cut.fitCount === items.length && cutRow}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
