import { describe, expect, it } from 'vitest';
import { itemChanges, type ItemValues } from './changes';

const base: ItemValues = {
  title: 'SSO',
  description: 'Log in with the IdP',
  businessBenefit: '',
  estimate: 'M',
  sme: 'Sara',
  sponsor: 'Liam',
  department: 'Sales',
  kind: 'feature',
  modules: ['Identity', 'Billing'],
  theme: 'Enterprise',
};

describe('itemChanges', () => {
  it('is empty when nothing the reader sees changed', () => {
    // Module order and a kind stored as its label are not changes.
    expect(itemChanges(base, { ...base, modules: ['Billing', 'Identity'], kind: 'Feature' })).toEqual([]);
  });

  it('lists each changed field with before and after as shown, empty as a dash', () => {
    expect(
      itemChanges(base, {
        ...base,
        estimate: 'L',
        businessBenefit: 'Deals',
        sponsor: null,
        kind: 'tech_debt',
        modules: [],
      }),
    ).toEqual([
      { field: 'businessBenefit', label: 'Business benefit', before: '—', after: 'Deals' },
      { field: 'estimate', label: 'Estimate', before: 'M', after: 'L' },
      { field: 'sponsor', label: 'Sponsor', before: 'Liam', after: '—' },
      { field: 'kind', label: 'Kind', before: 'Feature', after: 'Tech debt' },
      { field: 'modules', label: 'Modules', before: 'Billing, Identity', after: '—' },
    ]);
  });
});
