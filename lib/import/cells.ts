/**
 * Normalisation of one spreadsheet cell into what an item holds, with a note for the preview
 * whenever the value was interpreted rather than read as is. Pure: the preview and the import both
 * run it on the server, and the tests run it on its own.
 */
import type { Kind, Size } from '@/db/schema/backlog';
import { KIND_LABEL } from '@/lib/backlog/labels';
import { foldWords } from './fields';

export type EstimateValue = { estimateSize: Size | null; estimateWeeks: number | null; note?: string };

const SIZE_WORDS: Record<string, Size> = {
  xs: 'XS',
  'extra small': 'XS',
  xsmall: 'XS',
  s: 'S',
  small: 'S',
  m: 'M',
  medium: 'M',
  med: 'M',
  l: 'L',
  large: 'L',
  xl: 'XL',
  'extra large': 'XL',
  xlarge: 'XL',
};
const NO_ESTIMATE = new Set([
  '',
  'tbd',
  'tbc',
  '?',
  '??',
  'n a',
  'na',
  'none',
  'unknown',
  '-',
  '—',
  'not sized',
  'later',
]);
const UNIT_WEEKS: [RegExp, number, string][] = [
  [/^(w|wk|wks|week|weeks|pw|person weeks?)$/, 1, 'weeks'],
  [/^(d|day|days|person days?)$/, 1 / 5, 'days'],
  [/^(m|mo|month|months)$/, 4, 'months'],
];
const MAX_WEEKS = 1000;

const round = (n: number) => Math.round(n * 100) / 100;

/** One amount with its unit ("2.5 wks", "10 days", "3"), in weeks; null when it is not one. */
function weeksOf(text: string): { weeks: number; unit: string } | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*([a-z ]*?)\s*$/i.exec(text.trim());
  if (!m) return null;
  const amount = Number(m[1].replace(',', '.'));
  const unit = m[2].toLowerCase().replace(/\.$/, '').trim();
  if (unit === '') return { weeks: amount, unit: 'weeks' };
  const found = UNIT_WEEKS.find(([re]) => re.test(unit));
  return found ? { weeks: round(amount * found[1]), unit: found[2] } : null;
}

/**
 * A size (XS–XL, "Medium", "m") or a number of person-weeks ("3", "3w", "2.5 wks", "10 days" → 2);
 * a range gives its upper end; "TBD", "?", "n/a" and blank give no estimate. Anything else gives no
 * estimate too, with a note: an estimate is never a reason to refuse a row.
 */
export function normaliseEstimate(raw: string): EstimateValue {
  const text = raw.trim();
  const folded = foldWords(text);
  const quoted = `Estimate “${text}”`;
  if (NO_ESTIMATE.has(folded) || NO_ESTIMATE.has(text.toLowerCase())) {
    return { estimateSize: null, estimateWeeks: null, note: text ? `${quoted} → no estimate` : 'No estimate' };
  }
  const size = SIZE_WORDS[folded] ?? SIZE_WORDS[folded.replace(/ /g, '')];
  if (size) return { estimateSize: size, estimateWeeks: null, note: size === text ? undefined : `${quoted} → ${size}` };
  const range = /^(.+?)\s*(?:-|–|—|to)\s*(.+)$/i.exec(text);
  if (range) {
    const upper = normaliseEstimate(range[2]);
    const lowerUnit = weeksOf(range[1]);
    // "3-5 weeks": the unit follows the upper value only.
    if (upper.estimateWeeks !== null && lowerUnit) {
      return { ...upper, note: `${quoted} → ${upper.estimateWeeks} weeks (upper end of the range)` };
    }
    if (upper.estimateSize !== null && SIZE_WORDS[foldWords(range[1])]) {
      return { ...upper, note: `${quoted} → ${upper.estimateSize} (upper end of the range)` };
    }
  }
  const amount = weeksOf(text);
  if (!amount)
    return {
      estimateSize: null,
      estimateWeeks: null,
      note: `${quoted} is not a size or a number of weeks → no estimate`,
    };
  if (amount.weeks <= 0 || amount.weeks > MAX_WEEKS) {
    return {
      estimateSize: null,
      estimateWeeks: null,
      note: `${quoted} is not between 0 and ${MAX_WEEKS} weeks → no estimate`,
    };
  }
  const plain = /^\d+(\.\d+)?$/.test(text);
  return {
    estimateSize: null,
    estimateWeeks: amount.weeks,
    note: plain ? undefined : `${quoted} → ${amount.weeks} weeks`,
  };
}

const KIND_WORDS: [Kind, string[]][] = [
  ['tech_debt', ['tech debt', 'technical debt', 'debt', 'refactor', 'refactoring', 'techdebt', 'tech_debt']],
  [
    'non_functional',
    ['non functional', 'nonfunctional', 'nfr', 'non_functional', 'performance', 'security', 'compliance'],
  ],
  ['fix', ['fix', 'bug', 'defect', 'bugfix', 'bug fix', 'issue', 'incident']],
  ['feature', ['feature', 'enhancement', 'new feature', 'improvement', 'story', 'user story', 'request']],
];

/** A kind from its label or a synonym; blank or unknown → feature, with a note. */
export function normaliseKind(raw: string): { kind: Kind; note?: string } {
  const folded = foldWords(raw);
  if (folded === '') return { kind: 'feature' };
  for (const [kind, words] of KIND_WORDS) {
    if (words.includes(folded) || words.includes(folded.replace(/ /g, ''))) {
      return {
        kind,
        note:
          folded === kind.replace('_', ' ') || folded === 'feature'
            ? undefined
            : `Kind “${raw.trim()}” → ${KIND_LABEL[kind]}`,
      };
    }
  }
  return { kind: 'feature', note: `Kind “${raw.trim()}” is not a known kind → Feature` };
}

/** The values of a multi-value cell: split on semicolons, commas, pipes and line breaks. */
export function splitValues(raw: string): string[] {
  return raw
    .split(/[;,|\n\r]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Case and surrounding spaces do not matter when a name is compared. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * The texts a person cell may name someone by, best first: the whole cell, an e-mail in it, then
 * each part of "VP Ops – Jane Doe", "Jane Doe (Ops)" or "Jane Doe, VP Ops".
 */
export function personCandidates(raw: string): string[] {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) return [];
  const out = [text];
  const email = /[^\s<>(),;]+@[^\s<>(),;]+/.exec(text);
  if (email) out.push(email[0]);
  const withoutBrackets = text.replace(/\s*[([][^)\]]*[)\]]\s*/g, ' ').trim();
  if (withoutBrackets && withoutBrackets !== text) out.push(withoutBrackets);
  for (const part of text.split(/\s+[-–—|/]\s+|[,;:]\s*|\s*[()[\]]\s*/)) {
    const p = part.trim();
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** One line of text: line breaks and runs of spaces become one space, invisible characters are dropped. */
export function oneLine(raw: string): string {
  return raw
    .replace(/[\p{Cf}]/gu, '')
    .replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .trim();
}
