import { MERGE_FIELD_LABEL, MERGE_FIELDS, type MergeField } from '@/lib/backlog/merge-fields';
import type { HistoryEvent, HistorySentence } from './history-types';

/**
 * The curation events of an item's history in words: merges (on both items) and triage's answers
 * to a request. Their events carry the titles they name, so no lookup is needed. Pure.
 */

const quote = (s: unknown) => `“${String(s)}”`;
const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

function listed(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function taken(data: Record<string, unknown>): string[] {
  const fields = Array.isArray(data.fieldsTaken) ? data.fieldsTaken : [];
  const names = MERGE_FIELDS.filter((f) => fields.includes(f)).map((f: MergeField) =>
    MERGE_FIELD_LABEL[f].toLowerCase(),
  );
  return names.length ? [`Took its ${listed(names)}.`] : ['Kept every field of this item.'];
}

/** The sentence for a curation event, or null for any other event. */
export function describeCurationEvent(e: HistoryEvent): HistorySentence | null {
  const { data } = e;
  const changes = (data.changes ?? {}) as Record<string, { to?: unknown }>;
  switch (e.type) {
    case 'item.merged':
      return { summary: `merged the duplicate ${quote(data.mergedTitle)} into it.`, details: taken(data) };
    case 'item.merged_into':
      return { summary: `merged it into ${quote(data.survivorTitle)} as a duplicate.`, details: [] };
    case 'request.declined': {
      const reason = text(changes.decisionReason?.to);
      return { summary: 'declined the request.', details: reason ? [`Reason: ${reason}`] : [] };
    }
    case 'request.info_requested': {
      const question = text(changes.infoRequest?.to);
      return { summary: 'asked for more information.', details: question ? [`Question: ${question}`] : [] };
    }
    case 'request.resubmitted':
      return { summary: 'answered and resubmitted the request.', details: [] };
    default:
      return null;
  }
}
