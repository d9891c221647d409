/**
 * Bad input, generated: from one valid call and the kind of each of its fields, every way of
 * getting that field wrong that must be refused. Each mutation is invalid whatever the rest of the
 * form says, so a call that is not refused is a finding, never a false alarm.
 */
import type { Call } from '../authz/rows';

/**
 * id: a required record id; ver: the version a form saw; line/line?: single-line text (required or
 * not); text/text?: multi-line text (required or not); enum: a required choice; num/num?: a number; date: a day
 * (YYYY-MM-DD); when: a date and time; ids: repeated ids (checkboxes).
 */
export type FieldKind =
  'id' | 'ver' | 'line' | 'line?' | 'text' | 'text?' | 'enum' | 'num' | 'num?' | 'date' | 'when' | 'ids';

export type Mutation = { label: string; call: Call };

const MISSING = Symbol('missing');
type Bad = string | string[] | number | boolean | null | object | typeof MISSING;

const LONG_LINE = 'x'.repeat(50_000);
const HUGE_TEXT = 'x'.repeat(200_000);

/** The wrong values of each kind of field, for a form (strings) and for JSON (any type). */
const FORM_VALUES: Record<FieldKind, [string, Bad][]> = {
  id: [
    ['missing', MISSING],
    ['empty', ''],
    ['a word', 'abc'],
    ['negative', '-1'],
    ['zero', '0'],
    ['a fraction', '1.5'],
    ['exponent notation', '7e2'],
    ['padded', ' 5 '],
    ['digits then letters', '12abc'],
    ['huge', '9'.repeat(25)],
    ['sent twice (an array)', ['1', '2']],
    ['an object', '{"id":1}'],
    ['unknown', '999999999'],
  ],
  ver: [
    ['missing', MISSING],
    ['a word', 'abc'],
    ['negative', '-1'],
    ['a fraction', '1.5'],
    ['stale', '999999'],
  ],
  line: [
    ['missing', MISSING],
    ['blank', '   '],
    ['a NUL character', 'a\u0000b'],
    ['a zero-width space', 'a\u200bb'],
    ['a line break', 'a\r\nb'],
    ['oversize', LONG_LINE],
  ],
  'line?': [
    ['a NUL character', 'a\u0000b'],
    ['a zero-width space', 'a\u200bb'],
    ['a line break', 'a\nb'],
    ['oversize', LONG_LINE],
  ],
  text: [
    ['missing', MISSING],
    ['blank', ' \n '],
    ['oversize', HUGE_TEXT],
  ],
  'text?': [['oversize', HUGE_TEXT]],
  enum: [
    ['missing', MISSING],
    ['empty', ''],
    ['not a choice', 'bogus'],
    ['sent twice (an array)', ['bogus', 'other']],
  ],
  num: [
    ['missing', MISSING],
    ['a word', 'abc'],
    ['negative', '-5'],
    ['overflowing', '1e400'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
  ],
  'num?': [
    ['a word', 'abc'],
    ['negative', '-5'],
    ['overflowing', '1e400'],
  ],
  date: [
    ['a word', 'yesterday'],
    ['month 13', '2027-13-05'],
    ['30 February', '2027-02-30'],
  ],
  when: [
    ['missing', MISSING],
    ['a word', 'tomorrow'],
    ['no time zone', '2027-02-01T10:00'],
    ['in the past', '2001-01-01T10:00:00.000Z'],
  ],
  ids: [
    ['a word', ['abc']],
    ['negative', ['-1']],
    ['unknown', ['999999999']],
  ],
};

/** JSON adds wrong types: what a form cannot send. */
const JSON_TYPES: [string, Bad][] = [
  ['null', null],
  ['an array', [1]],
  ['an object', { a: 1 }],
  ['a boolean', true],
];
const JSON_VALUES: Partial<Record<FieldKind, [string, Bad][]>> = {
  id: [
    ['as a string', '12'],
    ['negative', -1],
    ['a fraction', 1.5],
    ['huge', 1e20],
    ['unknown', 999999999],
  ],
  ver: [
    ['as a string', '1'],
    ['negative', -1],
    ['stale', 999999],
  ],
  num: [
    ['as a string', 'abc'],
    ['negative', -5],
  ],
  line: [['a number', 42]],
};

export function formMutations(call: Extract<Call, { action: string }>, kinds: Record<string, FieldKind>): Mutation[] {
  const out: Mutation[] = [];
  for (const [field, kind] of Object.entries(kinds)) {
    for (const [label, value] of FORM_VALUES[kind]) {
      const fields = { ...call.fields };
      if (value === MISSING) delete fields[field];
      else fields[field] = value as string | string[];
      out.push({ label: `${field} ${label}`, call: { ...call, fields } });
    }
  }
  return out;
}

export function jsonMutations(call: Extract<Call, { api: string }>, kinds: Record<string, FieldKind>): Mutation[] {
  const body = (call.body ?? {}) as Record<string, unknown>;
  const out: Mutation[] = [
    { label: 'body not JSON', call: { ...call, body: '{"title": ' } },
    { label: 'body an array', call: { ...call, body: [body] } },
    { label: 'body a string', call: { ...call, body: JSON.stringify('hello') } },
    { label: 'body null', call: { ...call, body: 'null' } },
    { label: 'body over 256 KB', call: { ...call, body: { ...body, padding: 'x'.repeat(300_000) } } },
  ];
  for (const [field, kind] of Object.entries(kinds)) {
    const values: [string, Bad][] = [
      ...FORM_VALUES[kind].filter(
        ([label]) => !['sent twice (an array)', 'an object', 'unknown', 'stale'].includes(label),
      ),
      ...JSON_TYPES,
      ...(JSON_VALUES[kind] ?? []),
    ];
    for (const [label, value] of values) {
      const next = { ...body };
      if (value === MISSING) delete next[field];
      else next[field] = value;
      out.push({ label: `${field} ${label}`, call: { ...call, body: next } });
    }
  }
  return out;
}

/** A route's id in the path, wrong in every way a path can be. */
export function pathMutations(call: Extract<Call, { api: string }> | { page: string }): Mutation[] {
  const url = 'page' in call ? call.page : call.url;
  const id = /\/(\d+)(?=\/|\?|$)/.exec(url)?.[1];
  if (!id) return [];
  return ['abc', '-1', '0', '1.5', '7e2', '9'.repeat(25), '999999999', '%00', '1%0A'].map((bad) => {
    const next = url.replace(`/${id}`, `/${bad}`);
    return { label: `path id ${JSON.stringify(bad)}`, call: 'page' in call ? { page: next } : { ...call, url: next } };
  });
}
