import { KIND_LABEL, STATUS_LABEL } from '@/lib/backlog/labels';
import { formatDay } from '@/lib/schedule/dates';
import { personWeeks } from '@/lib/plural';
import { smeName } from '@/lib/users/sme';
import { scoreInputSentence } from '@/lib/scoring/history';
import { describeCurationEvent } from './curation-history';
import type { HistoryEvent, HistorySentence } from './history-types';
export type { HistoryEvent, HistorySentence } from './history-types';
import { reviewSentence } from '@/lib/review/history-sentence';

/**
 * An item's history in the product's own words: each recorded event becomes a sentence that follows
 * its actor's name ("Priya Patel set the theme to “Platform reliability”."), with further sentences
 * below it when one event changed several things. Ids become names (`HistoryNames`, gathered by
 * ./names.server.ts), statuses and kinds their labels; a rank key is never shown (it is a
 * sort key, not a position), nor an event's type. Pure, so every wording is unit-tested.
 */

/** Names for the ids an item's events carry, and for SMEs written as e-mails. */
export type HistoryNames = {
  people: Record<number, string>;
  departments: Record<number, string>;
  modules: Record<number, string>;
  themes: Record<number, string>;
  cycles: Record<number, string>;
  periods: Record<number, string>;
  meetings: Record<number, string>;
  smes: Record<string, string>;
};

export const NO_NAMES: HistoryNames = {
  people: {},
  departments: {},
  modules: {},
  themes: {},
  cycles: {},
  periods: {},
  meetings: {},
  smes: {},
};

/** An entry as the page shows it: who, when, and the event in sentences. */
export type HistoryEntry = HistorySentence & { id: number; at: string; actorName: string | null };

type Change = { from: unknown; to: unknown };
type Changes = Record<string, Change>;

const LONG = 160;
const quote = (s: string) => `“${s.length > LONG ? `${s.slice(0, LONG - 1)}…` : s}”`;
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** What each field is called in a sentence. Fields not listed here are never put into words. */
const FIELD: Record<string, string> = {
  title: 'title',
  description: 'description',
  businessBenefit: 'business benefit',
  estimate: 'estimate',
  sme: 'SME',
  sponsorId: 'sponsor',
  sponsorSuggestion: 'sponsor suggestion',
  requestorId: 'requestor',
  departmentId: 'department',
  kind: 'kind',
  status: 'status',
  themeId: 'theme',
  cycleId: 'cycle',
  moduleIds: 'modules',
  decisionReason: 'reason',
  targetPeriod: 'target period',
  periodId: 'period',
  ownerId: 'owner',
  kickoffOn: 'kickoff',
};

/** Fields whose text is too long to repeat: the sentence says that they changed. */
const PROSE = new Set(['description', 'businessBenefit']);

function lookup(map: Record<number, string>, id: unknown, what: string): string {
  return typeof id === 'number' ? (map[id] ?? `a ${what} that no longer exists`) : String(id);
}

/** A value as the page shows it, or null when there is none. */
function valueText(key: string, value: unknown, names: HistoryNames): string | null {
  if (isEmpty(value)) return null;
  switch (key) {
    case 'status':
      return STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? null;
    case 'kind':
      return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? null;
    case 'sponsorId':
    case 'requestorId':
    case 'ownerId':
      return lookup(names.people, value, 'person');
    case 'departmentId':
      return lookup(names.departments, value, 'department');
    case 'themeId':
      return quote(lookup(names.themes, value, 'theme'));
    case 'cycleId':
      return lookup(names.cycles, value, 'cycle');
    case 'periodId':
      return lookup(names.periods, value, 'period');
    case 'moduleIds':
      return (value as unknown[]).map((id) => lookup(names.modules, id, 'module')).join(', ');
    case 'sme':
      return smeName(String(value), names.smes);
    case 'kickoffOn':
      return formatDay(String(value));
    case 'estimate':
      return String(value);
    default:
      return typeof value === 'string' ? quote(value) : null;
  }
}

/** "Set the theme to …", "Changed the theme from … to …", "Removed the theme (it was …)". */
function fieldSentence(key: string, change: Change, names: HistoryNames): string | null {
  const field = FIELD[key];
  if (!field) return null;
  if (PROSE.has(key)) return isEmpty(change.to) ? `Cleared the ${field}.` : `Changed the ${field}.`;
  const from = valueText(key, change.from, names);
  const to = valueText(key, change.to, names);
  if (from === to) return null;
  if (key === 'decisionReason') return to === null ? 'Removed the reason.' : `Gave the reason ${to}.`;
  if (from === null) return `Set the ${field} to ${to}.`;
  if (to === null) return `Removed the ${field} (it was ${from}).`;
  return `Changed the ${field} from ${from} to ${to}.`;
}

/** The estimate is one field on the page, two in the database (a size, or weeks). */
function withEstimate(changes: Changes): Changes {
  const { estimateSize, estimateWeeks, ...rest } = changes;
  if (!estimateSize && !estimateWeeks) return rest;
  const side = (s: 'from' | 'to') => {
    const size = estimateSize ? estimateSize[s] : undefined;
    const weeks = estimateWeeks ? estimateWeeks[s] : undefined;
    if (!isEmpty(size)) return String(size);
    return typeof weeks === 'number' ? personWeeks(weeks) : null;
  };
  return { ...rest, estimate: { from: side('from'), to: side('to') } };
}

/** Field sentences in the order the item page lists its fields; the rank and the version never. */
function fieldSentences(changes: Changes, names: HistoryNames, skip: readonly string[] = []): string[] {
  const all = withEstimate(changes);
  return Object.keys(FIELD)
    .filter((key) => key in all && !skip.includes(key))
    .map((key) => fieldSentence(key, all[key], names))
    .filter((s): s is string => s !== null);
}

/** One sentence as the summary ("set the theme to …."), several under "edited the item.". */
function edited(sentences: string[], fallback = 'edited the item.'): HistorySentence {
  if (sentences.length === 1) return { summary: lowerFirst(sentences[0]), details: [] };
  return { summary: fallback, details: sentences };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const STATUS_VERB: Partial<Record<string, string>> = {
  curated: 'moved it back to curated',
  accepted: 'accepted it',
  rejected: 'rejected it',
  deferred: 'deferred it',
  scheduled: 'scheduled it',
  in_delivery: 'started its delivery',
  delivered: 'marked it delivered',
  withdrawn: 'withdrew it',
};

/** "accepted it", or "changed the status from In delivery to Scheduled" where no verb says it. */
function statusPhrase(status: Change | undefined, names: HistoryNames): string {
  if (!status) return 'changed the item';
  const back = status.to === 'scheduled' && (status.from === 'in_delivery' || status.from === 'delivered');
  const verb = back ? undefined : STATUS_VERB[String(status.to)];
  return verb ?? lowerFirst(fieldSentence('status', status, names) ?? 'Changed the status.').slice(0, -1);
}

function changesOf(data: Record<string, unknown>): Changes {
  const c = data.changes;
  if (!c || typeof c !== 'object') return {};
  return Object.fromEntries(
    Object.entries(c as Record<string, unknown>).filter(
      (e): e is [string, Change] => typeof e[1] === 'object' && e[1] !== null && 'to' in e[1],
    ),
  );
}

/** The schedule editor logs `before`/`after` snapshots of the entry; read them as changes. */
function entryChanges(data: Record<string, unknown>): Changes {
  const before = (data.before ?? {}) as Record<string, unknown>;
  const after = (data.after ?? {}) as Record<string, unknown>;
  const out: Changes = {};
  for (const key of ['periodId', 'ownerId', 'kickoffOn'])
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      out[key] = { from: before[key] ?? null, to: after[key] ?? null };
  return out;
}

const viaRequest = (data: Record<string, unknown>) =>
  typeof data.changeRequestTitle === 'string' ? ` with the change request ${quote(data.changeRequestTitle)}` : '';

const inMeeting = (data: Record<string, unknown>, names: HistoryNames) => {
  const title = typeof data.meetingId === 'number' ? names.meetings[data.meetingId] : undefined;
  return title ? ` in the pre-read of ${quote(title)}` : ' in a pre-read';
};

/** A change request moved the item on the schedule: in, out or later. */
function scheduleByRequest(data: Record<string, unknown>, names: HistoryNames): HistorySentence {
  const changes = changesOf(data);
  const period = changes.periodId ? valueText('periodId', changes.periodId.to, names) : null;
  const from = changes.periodId ? valueText('periodId', changes.periodId.from, names) : null;
  const via = viaRequest(data);
  const reason = valueText('decisionReason', changes.decisionReason?.to, names);
  const details = reason ? [`Reason: ${reason}.`] : [];
  switch (data.action) {
    case 'in':
      return { summary: `brought it into the schedule${period ? ` in ${period}` : ''}${via}.`, details };
    case 'out':
      return { summary: `moved it out of the schedule${from ? ` (it was in ${from})` : ''}${via}.`, details };
    default:
      return {
        summary: `moved it ${from ? `from ${from} ` : ''}to ${period ?? 'a later period'}${via}.`,
        details,
      };
  }
}

/** The event as a sentence. An event of a kind this module does not know says only that the item changed. */
export function describeItemEvent(e: HistoryEvent, names: HistoryNames = NO_NAMES): HistorySentence {
  const { data } = e;
  const changes = changesOf(data);
  switch (e.type) {
    case 'request.submitted':
      return { summary: 'submitted the request.', details: [] };
    case 'request.curated': {
      const cycle = valueText('cycleId', changes.cycleId?.to, names);
      return {
        summary: `took the request into ${cycle ? `the ${cycle} backlog` : 'a cycle'}.`,
        details: fieldSentences(changes, names, ['cycleId', 'status']),
      };
    }
    case 'item.created': {
      const after = (data.after ?? {}) as Record<string, unknown>;
      const cycle = valueText('cycleId', after.cycleId, names);
      return {
        summary: `added the item${cycle ? ` to the ${cycle} backlog` : ''}${viaRequest(data)}.`,
        details: [],
      };
    }
    case 'item.status_changed': {
      const reason = valueText('decisionReason', changes.decisionReason?.to, names);
      return {
        summary: `${statusPhrase(changes.status, names)}${viaRequest(data)}.`,
        details: reason ? [`Reason: ${reason}.`] : [],
      };
    }
    case 'item.schedule_changed':
      if (typeof data.action === 'string') return scheduleByRequest(data, names);
      return edited(
        fieldSentences(entryChanges(data), names),
        isEmpty((data.before as Record<string, unknown> | undefined)?.periodId)
          ? 'put it on the schedule.'
          : 'changed its place in the schedule.',
      );
    case 'item.updated': {
      const removed = typeof data.reason === 'string' ? /^Theme "(.*)" removed$/.exec(data.reason) : null;
      if (removed && changes.themeId && isEmpty(changes.themeId.to))
        return { summary: `removed the theme ${quote(removed[1])} from the cycle, so the item has none.`, details: [] };
      const sentences = fieldSentences(changes, names);
      return sentences.length ? edited(sentences) : { summary: 'edited the item.', details: [] };
    }
    case 'item.score_input_set':
      return scoreInputSentence(data);
    case 'item.carried_over':
    case 'item.dropped':
    case 'item.re_requested':
      return reviewSentence(e.type, data, names.cycles);
    case 'question.asked':
      return { summary: `asked a question about it${inMeeting(data, names)}.`, details: [] };
    case 'question.answered':
      return { summary: `answered a question about it${inMeeting(data, names)}.`, details: [] };
    case 'question.resolved':
      return { summary: `marked a question about it as resolved${inMeeting(data, names)}.`, details: [] };
    case 'schedule.flag_raised':
      return {
        summary: data.kind === 'flag' ? 'flagged a problem with its schedule.' : 'asked a question about its schedule.',
        details: [],
      };
    case 'schedule.flag_resolved':
      return {
        summary: 'resolved a question or problem on its schedule.',
        details: typeof data.note === 'string' && data.note ? [`Note: ${quote(data.note)}.`] : [],
      };
    default: {
      const curation = describeCurationEvent(e);
      if (curation) return curation;
      const sentences = fieldSentences(changes, names);
      return sentences.length ? edited(sentences, 'changed the item.') : { summary: 'changed the item.', details: [] };
    }
  }
}
