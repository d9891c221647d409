import { describe, expect, it } from 'vitest';
import type { SnapshotItem } from '@/db/schema';
import { estimateLabel, itemFieldsHtml, renderItemFields } from './fields-html';

const item = (over: Partial<SnapshotItem> = {}): SnapshotItem => ({
  id: 7,
  title: 'SSO',
  description: '<script>alert("x")</script>',
  businessBenefit: 'Fewer tickets & calls',
  estimate: 'M',
  effectiveWeeks: 3,
  sme: "O'Brien",
  sponsor: null,
  requestor: 'Rosa',
  department: 'Sales',
  kind: 'tech_debt',
  modules: ['Identity', 'Admin console'],
  themeId: null,
  theme: null,
  version: 1,
  ...over,
});

describe('renderItemFields', () => {
  it('escapes every value: user text never becomes markup', () => {
    const html = renderItemFields(item());
    expect(html).toContain('<dd>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</dd>');
    expect(html).toContain('<dd>Fewer tickets &amp; calls</dd>');
    expect(html).toContain('<dd>O&#39;Brien</dd>');
    expect(html).not.toContain('<script>');
  });

  it('shows every field with its label, a dash for an empty one, and the kind and estimate in words', () => {
    const html = renderItemFields(item());
    for (const label of [
      'Description',
      'Business benefit',
      'Estimate',
      'Kind',
      'SME',
      'Sponsor',
      'Requestor',
      'Department',
      'Modules',
    ]) {
      expect(html).toContain(`<dt>${label}</dt>`);
    }
    expect(html).toContain('<dt>Sponsor</dt><dd>—</dd>');
    expect(html).toContain('<dd>M (3 person-weeks)</dd>');
    expect(html).toContain('<dd>Identity, Admin console</dd>');
    expect(html).toMatch(/<dt>Kind<\/dt><dd>Tech debt<\/dd>/);
  });

  it('reuses the markup of a snapshot, and a new snapshot key renders afresh', () => {
    expect(itemFieldsHtml('1.0', item())).toContain('M (3 person-weeks)');
    expect(itemFieldsHtml('1.0', item({ estimate: 'XL', effectiveWeeks: 12 }))).toContain('M (3 person-weeks)');
    expect(itemFieldsHtml('1.1', item({ estimate: 'XL', effectiveWeeks: 12 }))).toContain('XL (12 person-weeks)');
  });
});

describe('estimateLabel', () => {
  it.each([
    [{ estimate: '', effectiveWeeks: null }, 'Not estimated'],
    [{ estimate: 'S', effectiveWeeks: 1 }, 'S (1 person-week)'],
    [{ estimate: '2.5', effectiveWeeks: 2.5 }, '2.5 person-weeks'],
  ])('%j → %s', (input, expected) => expect(estimateLabel(input)).toBe(expected));
});
