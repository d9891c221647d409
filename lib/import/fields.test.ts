import { describe, expect, it } from 'vitest';
import { headerKey, mappingProblems, suggestMapping } from './fields';

describe('suggestMapping', () => {
  it('maps the headers an export writes with no help', () => {
    const headers = [
      'Rank',
      'Id',
      'Title',
      'Description',
      'Business benefit',
      'Estimate',
      'Kind',
      'Theme',
      'Department',
      'Modules',
      'SME',
      'Sponsor',
      'Requestor',
      'Status',
      'Cycle',
    ];
    expect(suggestMapping(headers)).toEqual([
      'ignore',
      'ignore',
      'title',
      'description',
      'businessBenefit',
      'estimate',
      'kind',
      'theme',
      'department',
      'modules',
      'sme',
      'sponsor',
      'requestor',
      'ignore',
      'ignore',
    ]);
  });

  it('matches on meaning, not one spelling', () => {
    const headers = [
      'Feature',
      'Details',
      'Benefit / why',
      'T-shirt',
      'Exec. Sponsor (VP)',
      'Team asking',
      'Category',
      'Systems',
      'Focus area',
      'Requested by',
      'Subject matter expert',
      'Colour',
    ];
    expect(suggestMapping(headers)).toEqual([
      'title',
      'description',
      'businessBenefit',
      'estimate',
      'sponsor',
      'department',
      'kind',
      'modules',
      'theme',
      'requestor',
      'sme',
      'ignore',
    ]);
  });

  it('gives each field to one column only, and puts a remembered choice first', () => {
    expect(suggestMapping(['Summary', 'Title'])).toEqual(['ignore', 'title']);
    expect(suggestMapping(['Summary', 'Title'], { [headerKey('Summary')]: 'title', title: 'description' })).toEqual([
      'title',
      'description',
    ]);
  });
});

describe('mappingProblems', () => {
  it('asks for a title and refuses a field chosen twice', () => {
    expect(mappingProblems(['A', 'B'], ['ignore', 'sme'])).toEqual(['Choose the column that holds each item’s title.']);
    expect(mappingProblems(['A', 'B'], ['title', 'title'])[0]).toContain('Title is chosen for “A” and “B”');
    expect(mappingProblems(['A'], ['title'])).toEqual([]);
  });
});
