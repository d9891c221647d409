import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ItemFieldsSchema } from '@/lib/backlog/item-schema';
import { CycleSchema, ThemeSchema } from '@/lib/cycles/schema';
import { meetingInputSchema } from '@/lib/meetings/schema';
import { RequestSchema } from '@/lib/requests/requests.server';
import { PeriodSchema } from '@/lib/schedule/schema';
import { formId, ID_MESSAGE, idParam, notOneLineMessage, optionalId, requiredId, singleLine } from './validation';

const BAD = {
  NUL: 'Q1\u0000 plan',
  'CR/LF': 'Q1 plan\r\nBcc: everyone@example.com',
  'a line feed': 'Q1\nplan',
  'a tab': 'Q1\tplan',
  'a zero-width space': 'Q1\u200bplan',
  'a zero-width joiner': 'Q1\u200dplan',
  'a right-to-left override': 'Q1\u202eplan',
  'a byte order mark': 'Q1\ufeffplan',
  'a line separator': 'Q1\u2028plan',
  'a paragraph separator': 'Q1\u2029plan',
  DEL: 'Q1\u007fplan',
};

describe('singleLine', () => {
  const field = singleLine('Title', 60, { required: 'Title is required.' });

  it.each(Object.entries(BAD))('refuses %s, naming the field', (_label, value) => {
    const result = field.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([notOneLineMessage('Title')]);
  });

  it('takes one line of text, accents and emoji included, trimmed; enforces length and presence', () => {
    expect(field.parse('  Café ☕ für Zoë  ')).toBe('Café ☕ für Zoë');
    expect(field.safeParse('x'.repeat(61)).error?.issues[0].message).toBe('Title must be at most 60 characters.');
    expect(field.safeParse('  ').error?.issues[0].message).toBe('Title is required.');
    expect(singleLine('Location', 20).parse('')).toBe('');
  });
});

/** Every title and name in the app, by its schema's field. */
const ONE_LINE_FIELDS: [string, z.ZodType, string, string][] = [
  ['item title', ItemFieldsSchema, 'title', 'Title'],
  ['item SME', ItemFieldsSchema, 'sme', 'SME'],
  ['request title', RequestSchema, 'title', 'Title'],
  ['request sponsor suggestion', RequestSchema, 'sponsorSuggestion', 'Sponsor suggestion'],
  ['cycle name', CycleSchema, 'name', 'Name'],
  ['theme name', ThemeSchema, 'name', 'Name'],
  ['meeting title', meetingInputSchema(), 'title', 'Title'],
  ['meeting location', meetingInputSchema(), 'location', 'Location'],
  ['period name', PeriodSchema, 'name', 'Name'],
];

describe('one-line fields', () => {
  it.each(ONE_LINE_FIELDS)('the %s refuses CR/LF, NUL and zero-width characters', (_what, schema, key, label) => {
    for (const value of [BAD['CR/LF'], BAD.NUL, BAD['a zero-width space']]) {
      const result = schema.safeParse({ [key]: value });
      expect(result.success).toBe(false);
      const messages = result.error!.issues.filter((i) => i.path[0] === key).map((i) => i.message);
      expect(messages).toEqual([notOneLineMessage(label)]);
    }
  });
});

describe('ids from forms and routes', () => {
  it.each(['1', '42', '2147483647'])('reads %j', (raw) => {
    expect(formId.parse(raw)).toBe(Number(raw));
    expect(requiredId('cycle').parse(raw)).toBe(Number(raw));
    expect(optionalId.parse(raw)).toBe(Number(raw));
    expect(idParam.parse(raw)).toBe(Number(raw));
  });

  it.each([
    ' 5 ',
    '5 ',
    '05',
    '5.0',
    '1.5',
    '7e2',
    '0x10',
    '-1',
    '0',
    '12abc',
    '9'.repeat(25),
    '2147483648',
    '999999999999999',
    '1\n',
    'abc',
  ])('refuses %j with the field message', (raw) => {
    expect(formId.safeParse(raw).error?.issues[0].message).toBe(ID_MESSAGE);
    expect(requiredId('cycle').safeParse(raw).error?.issues[0].message).toBe('Choose a cycle.');
    expect(optionalId.safeParse(raw).success).toBe(false);
    expect(idParam.safeParse(raw).success).toBe(false);
  });

  it('keeps "not given" for an optional id', () => {
    expect(optionalId.parse('')).toBeNull();
  });
});
