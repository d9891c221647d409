import type { SnapshotItem } from '@/db/schema';
import { escapeHtml } from '@/lib/html';
import { personWeeks } from '@/lib/plural';
import { EMPTY_VALUE, kindText } from './changes';

/**
 * The frozen fields of a pre-read item as HTML, built once per snapshot and reused.
 *
 * Why not JSX: a pre-read of 200 items is 200 × 27 elements that React would serialise and render
 * on every request although they never change once sent; as one string each they cost a copy.
 * Every value is escaped here (a unit test holds this), so the string is safe to insert.
 */

export function estimateLabel(item: Pick<SnapshotItem, 'estimate' | 'effectiveWeeks'>): string {
  if (!item.estimate) return 'Not estimated';
  const pw = item.effectiveWeeks === null ? '' : personWeeks(item.effectiveWeeks);
  // A size shows its weeks too; an estimate given in weeks is already a number.
  return /^\d/.test(item.estimate) ? pw || item.estimate : pw ? `${item.estimate} (${pw})` : item.estimate;
}

export function renderItemFields(item: SnapshotItem): string {
  const field = (label: string, value: string, wide = false) =>
    `<div${wide ? ' class="pr-wide"' : ''}><dt>${label}</dt><dd>${escapeHtml(value.trim() ? value : EMPTY_VALUE)}</dd></div>`;
  return [
    field('Description', item.description, true),
    field('Business benefit', item.businessBenefit, true),
    field('Estimate', estimateLabel(item)),
    field('Kind', kindText(item.kind)),
    field('SME', item.sme),
    field('Sponsor', item.sponsor ?? ''),
    field('Requestor', item.requestor),
    field('Department', item.department),
    field('Modules', item.modules.join(', '), true),
  ].join('');
}

const MAX_ENTRIES = 20_000;
const cache = new Map<string, string>();

/** `snapshotKey` names one frozen snapshot (pre-read id and update count): its items never change. */
export function itemFieldsHtml(snapshotKey: string, item: SnapshotItem): string {
  const key = `${snapshotKey}:${item.id}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = renderItemFields(item);
    if (cache.size >= MAX_ENTRIES) cache.clear(); // crude bound: a cold cache only costs one render
    cache.set(key, html);
  }
  return html;
}
