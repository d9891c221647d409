import { describe, expect, it } from 'vitest';
import { compareScores, computeScore, formatScore, orderByScore, scoreSortValue, type Score } from './formulas';
import { MODELS, inputProblem, inputSpec } from './models';

const spec = (model: keyof typeof MODELS, key: string) => inputSpec(MODELS[model], key)!;

describe('formulas with worked numbers', () => {
  it('value/effort: value 8 over 4 person-weeks is 2', () => {
    expect(computeScore(MODELS.value_effort, { value: 8, effort: 4 }, null)).toMatchObject({
      complete: true,
      value: 2,
    });
  });

  it('RICE: 500 people × high impact (2) × 80 % ÷ 4 weeks is 200', () => {
    const score = computeScore(MODELS.rice, { reach: 500, impact: 2, confidence: 80, effort: 4 }, null);
    expect(score).toMatchObject({ complete: true, value: 200, effortFromEstimate: false });
  });

  it('WSJF: (8 + 5 + 3) ÷ job size 4 is 4', () => {
    const score = computeScore(
      MODELS.wsjf,
      { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 4 },
      null,
    );
    expect(score).toMatchObject({ complete: true, value: 4 });
  });

  it('effort falls back to the estimate, and says so; WSJF job size does not', () => {
    expect(computeScore(MODELS.value_effort, { value: 9 }, 3)).toMatchObject({
      complete: true,
      value: 3,
      effortFromEstimate: true,
    });
    expect(computeScore(MODELS.wsjf, { business_value: 1, time_criticality: 1, risk_reduction: 1 }, 3)).toMatchObject({
      complete: false,
      missing: ['Job size'],
    });
  });
});

describe('incomplete scores', () => {
  it('names the missing inputs and counts the given ones, never scoring 0', () => {
    const score = computeScore(MODELS.rice, { reach: 100, impact: 1 }, null);
    expect(score).toEqual({
      complete: false,
      given: 2,
      total: 4,
      missing: ['Confidence', 'Effort'],
      effortFromEstimate: false,
    });
    expect(formatScore(score)).toBe('incomplete (2 of 4)');
    expect(scoreSortValue(score)).toBeUndefined();
  });

  it('an estimate of 0 does not stand in for effort', () => {
    expect(computeScore(MODELS.value_effort, { value: 5 }, 0)).toMatchObject({ complete: false, missing: ['Effort'] });
  });
});

describe('ranges', () => {
  it.each([
    ['RICE confidence 101', spec('rice', 'confidence'), 101, 'Confidence must be at most 100.'],
    ['WSJF job size 0', spec('wsjf', 'job_size'), 0, 'Job size must be at least 1.'],
    [
      'RICE impact 1.5',
      spec('rice', 'impact'),
      1.5,
      'Impact must be one of 0.25 (minimal), 0.5 (low), 1 (medium), 2 (high), 3 (massive).',
    ],
    ['a negative reach', spec('rice', 'reach'), -3, 'Reach must be at least 0.'],
    ['a reach in fractions', spec('rice', 'reach'), 2.5, 'Reach must be a whole number.'],
    ['effort 0', spec('rice', 'effort'), 0, 'Effort must be more than 0.'],
    ['value 11', spec('value_effort', 'value'), 11, 'Value must be at most 10.'],
    ['WSJF value 21', spec('wsjf', 'business_value'), 21, 'User/business value must be at most 20.'],
  ])('refuses %s', (_label, s, value, message) => {
    expect(inputProblem(s, value)).toBe(message);
  });

  it.each([
    [spec('rice', 'confidence'), 100],
    [spec('rice', 'confidence'), 0],
    [spec('rice', 'impact'), 0.25],
    [spec('rice', 'reach'), 0],
    [spec('wsjf', 'job_size'), 20],
    [spec('value_effort', 'effort'), 0.5],
  ])('accepts %s = %s', (s, value) => {
    expect(inputProblem(s, value)).toBeNull();
  });
});

describe('score order', () => {
  it('puts the highest first and incomplete ones last, fuller incomplete ones first', () => {
    const complete = (value: number): Score => ({
      complete: true,
      value,
      given: 2,
      total: 2,
      effortFromEstimate: false,
    });
    const partial = (given: number): Score => ({
      complete: false,
      given,
      total: 4,
      missing: [],
      effortFromEstimate: false,
    });
    const list: [string, Score][] = [
      ['a', partial(1)],
      ['b', complete(2)],
      ['c', partial(3)],
      ['d', complete(10)],
      ['e', complete(0.5)],
    ];
    expect(list.sort((x, y) => compareScores(x[1], y[1])).map(([id]) => id)).toEqual(['d', 'b', 'e', 'c', 'a']);
  });
});

describe('orderByScore (the agenda suggestion)', () => {
  it('puts the highest score first, then incomplete and unscored items in their order', () => {
    const complete = (value: number): Score => ({
      complete: true,
      value,
      given: 2,
      total: 2,
      effortFromEstimate: false,
    });
    const partial: Score = { complete: false, given: 1, total: 2, missing: ['Effort'], effortFromEstimate: false };
    expect(orderByScore([1, 2, 3, 4, 5], { 1: partial, 2: complete(1), 4: complete(7), 5: complete(1) })).toEqual([
      4, 2, 5, 1, 3,
    ]);
  });
});
