import { describe, expect, it } from 'vitest';
import { attendeesByDepartment, balanceNote, departmentWarnings, type BalanceAttendee } from './balance';

const D = {
  eng: { id: 1, name: 'Engineering' },
  fin: { id: 2, name: 'Finance' },
  sales: { id: 3, name: 'Sales' },
  ops: { id: 4, name: 'Operations' },
};
type Dept = keyof typeof D;
const voter = (d: Dept): BalanceAttendee => ({ departmentId: D[d].id, departmentName: D[d].name, role: 'voter' });
const observer = (d: Dept): BalanceAttendee => ({ ...voter(d), role: 'observer' });
const times = (n: number, a: BalanceAttendee) => Array.from({ length: n }, () => a);

describe('departmentWarnings', () => {
  it.each<[string, BalanceAttendee[], Dept[], number, string[]]>([
    ['nobody on the agenda, nobody attending', [], [], 0.4, []],
    [
      'an agenda department with no attendee',
      [voter('eng')],
      ['eng', 'fin'],
      1,
      ['Finance has items on the agenda but no attendee.'],
    ],
    ['an observer counts as present', [voter('eng'), observer('fin')], ['eng', 'fin'], 1, []],
    [
      'missing departments sorted by name',
      [],
      ['sales', 'fin'],
      1,
      ['Finance has items on the agenda but no attendee.', 'Sales has items on the agenda but no attendee.'],
    ],
    [
      'a department listed twice on the agenda is warned once',
      [],
      ['fin', 'fin'],
      1,
      ['Finance has items on the agenda but no attendee.'],
    ],
    [
      '3 of 5 votes is more than 40%',
      [...times(3, voter('eng')), voter('fin'), voter('sales')],
      [],
      0.4,
      ['Engineering holds 3 of 5 votes (60%), more than 40%.'],
    ],
    [
      'exactly 40% is not more than 40%',
      [...times(2, voter('eng')), voter('fin'), voter('sales'), voter('ops')],
      [],
      0.4,
      [],
    ],
    [
      '3 of 10 is exactly 30%, despite float error',
      [...times(3, voter('eng')), ...times(7, voter('fin'))],
      [],
      0.3,
      ['Finance holds 7 of 10 votes (70%), more than 30%.'],
    ],
    [
      'observers do not count as votes',
      [...times(2, voter('eng')), ...times(4, observer('eng')), voter('fin'), voter('sales'), voter('ops')],
      [],
      0.4,
      [],
    ],
    ['a single voter holds every vote', [voter('fin')], [], 0.4, ['Finance holds 1 of 1 vote (100%), more than 40%.']],
    [
      'two dominant departments at a low share',
      [...times(2, voter('eng')), ...times(2, voter('fin')), voter('sales')],
      [],
      0.3,
      ['Engineering holds 2 of 5 votes (40%), more than 30%.', 'Finance holds 2 of 5 votes (40%), more than 30%.'],
    ],
    [
      'missing first, then dominant',
      [...times(3, voter('eng')), voter('fin')],
      ['sales', 'eng'],
      0.5,
      ['Sales has items on the agenda but no attendee.', 'Engineering holds 3 of 4 votes (75%), more than 50%.'],
    ],
    ['no voters at all: no share to warn about', [observer('eng')], ['eng'], 0.4, []],
  ])('%s', (_label, attendees, agenda, maxShare, messages) => {
    const warnings = departmentWarnings({ attendees, agendaDepartments: agenda.map((d) => D[d]), maxShare });
    expect(warnings.map((w) => w.message)).toEqual(messages);
  });

  it('names the kind and the department of each warning', () => {
    const warnings = departmentWarnings({
      attendees: times(2, voter('eng')),
      agendaDepartments: [D.fin],
      maxShare: 0.4,
    });
    expect(warnings).toEqual([
      { kind: 'no-attendee', department: D.fin, message: 'Finance has items on the agenda but no attendee.' },
      { kind: 'dominant', department: D.eng, message: 'Engineering holds 2 of 2 votes (100%), more than 40%.' },
    ]);
  });
});

describe('attendeesByDepartment', () => {
  it('groups people by department name, sorted, with voter and observer counts', () => {
    const groups = attendeesByDepartment([
      { ...voter('sales'), name: 'Zoe' },
      { ...observer('eng'), name: 'Bob' },
      { ...voter('eng'), name: 'Ann' },
    ]);
    expect(groups.map((g) => [g.departmentName, g.people.map((p) => p.name), g.voters, g.observers])).toEqual([
      ['Engineering', ['Ann', 'Bob'], 1, 1],
      ['Sales', ['Zoe'], 1, 0],
    ]);
  });
});

describe('balanceNote', () => {
  it('says nothing is balanced without attendees', () =>
    expect(balanceNote([], 0.4)).toBe('No attendees yet: tick who attends to see the department balance.'));
  it('says nobody can vote when only observers are ticked', () =>
    expect(balanceNote([observer('eng')], 0.4)).toMatch(/^No voters yet/));
  it('calls a meeting with voters and no warning balanced', () =>
    expect(balanceNote([voter('eng'), observer('fin')], 0.4)).toBe(
      'Balanced: every department with items on the agenda attends, and none holds more than 40% of the votes.',
    ));
});
