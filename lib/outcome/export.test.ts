import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { readCsv, readXlsx } from '@/lib/export/test-helpers';
import { exportOutcome, NOT_DECIDED, OUTCOME_HEADER, outcomeTable, parseExportFormat } from './export';
import { cutLineSummary, cutLineText, departmentVotesText } from '@/lib/outcome/text';
import { mdCell, mdText, outcomeMarkdown } from '@/lib/outcome/markdown';
import type { OutcomeDecision, OutcomeReport, RankedOutcomeItem } from './types';
import { cutLine } from '@/lib/ranking/order';
import { tally, type Choice } from '@/lib/live-meeting/tally';

const sales = { departmentId: 1, departmentName: 'Sales' };
const finance = { departmentId: 2, departmentName: 'Finance' };
const votes = (...choices: [typeof sales, Choice][]) =>
  tally(choices.map(([d, choice], i) => ({ userId: i + 1, ...d, choice })));

function decision(
  over: Partial<OutcomeDecision> & Pick<OutcomeDecision, 'itemId' | 'title' | 'outcome'>,
): OutcomeDecision {
  return {
    theme: 'Growth',
    themeId: 1,
    requestor: 'Rosa',
    department: 'Sales',
    sponsor: 'Søren Ølstad',
    weeks: 3,
    reason: '',
    decisionNote: '',
    notes: '',
    suggested: over.outcome,
    tally: votes(),
    position: null,
    aboveCut: null,
    decidedBy: 'Priya',
    decidedAt: '2027-01-14T15:30:00.000Z',
    ...over,
  };
}

/** A report as lib/outcome/report.server.ts builds it, with the awkward text an export must survive. */
function report(): OutcomeReport {
  const ranked: RankedOutcomeItem[] = [
    { itemId: 2, position: 1, title: 'SSO | partners', theme: 'Growth', weeks: 3, aboveCut: true },
    { itemId: 1, position: 2, title: '=HYPERLINK("http://evil")', theme: null, weeks: null, aboveCut: true },
    { itemId: 3, position: 3, title: 'Exports', theme: 'Growth', weeks: 6, aboveCut: false },
  ];
  const cut = cutLine(ranked, 5);
  const decisions = [
    decision({
      itemId: 2,
      title: 'SSO | partners',
      outcome: 'accepted',
      position: 1,
      aboveCut: true,
      tally: votes([sales, 'accept'], [finance, 'accept']),
      notes: 'Line one\nLine, "two"',
    }),
    decision({
      itemId: 4,
      title: 'Dark mode',
      outcome: 'rejected',
      reason: '-Not now, maybe later',
      tally: votes([sales, 'reject'], [finance, 'reject'], [finance, 'accept']),
    }),
    decision({
      itemId: 5,
      title: 'Audit log',
      outcome: 'deferred',
      suggested: null,
      decisionNote: '@Finance to size it',
    }),
  ];
  return {
    cycle: { id: 7, name: '2027-Q1', capacityWeeks: 5 },
    meeting: {
      id: 3,
      title: 'Q1 prioritisation',
      scheduledAt: '2027-01-14T15:00:00.000Z',
      facilitator: 'Priya Patel',
      startedAt: '2027-01-14T15:02:00.000Z',
      endedAt: '2027-01-14T16:30:00.000Z',
      weighted: false,
    },
    ranking: { items: ranked, cut, summary: cutLineSummary(cut, 5) },
    themes: [
      {
        id: 1,
        name: 'Growth',
        keyOutcome: 'Win *enterprise* deals',
        accepted: [ranked[0], ranked[2]],
        rejected: [decisions[1]],
        deferred: [decisions[2]],
      },
    ],
    decisions,
    undecided: [
      {
        itemId: 9,
        title: 'Offline mode',
        theme: null,
        weeks: null,
        requestor: 'Zoë',
        department: 'Finance',
        sponsor: 'a suggestion, "quoted"',
      },
    ],
    attendance: [
      {
        departmentName: 'Sales',
        voted: 1,
        attendees: [
          { name: 'Liam', role: 'voter', voted: true },
          { name: 'Sam', role: 'observer', voted: false },
        ],
      },
    ],
    published: { at: '2027-01-15T09:00:00.000Z', by: 'Priya Patel' },
  };
}

describe('the outcome table', () => {
  it('lists every agenda item in rank order: ranked decisions, the other decisions, then the undecided', () => {
    const r = report();
    // A second accepted item ranked above the first, decided later in the agenda.
    r.decisions.push(
      decision({ itemId: 1, title: '=HYPERLINK("http://evil")', outcome: 'accepted', position: 2, aboveCut: true }),
    );
    r.decisions[0] = { ...r.decisions[0], position: 3 };
    const table = outcomeTable(r);
    expect(table.header).toEqual(OUTCOME_HEADER);
    expect(table.rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      [2, '=HYPERLINK("http://evil")', 'Accepted'],
      [3, 'SSO | partners', 'Accepted'],
      [null, 'Dark mode', 'Rejected'],
      [null, 'Audit log', 'Deferred'],
      [null, 'Offline mode', NOT_DECIDED],
    ]);
    expect(table.rows[1]).toEqual([
      3,
      'SSO | partners',
      'Growth',
      'Accepted',
      'yes',
      3,
      'Rosa',
      'Søren Ølstad',
      'Sales',
      '',
      '',
      'Line one\nLine, "two"',
      2,
      0,
      0,
    ]);
    expect(table.rows[4]).toEqual([
      null,
      'Offline mode',
      null,
      NOT_DECIDED,
      null,
      null,
      'Zoë',
      'a suggestion, "quoted"',
      'Finance',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('writes the same rows, guarded, to CSV and XLSX', async () => {
    const day = new Date('2026-11-26T12:00:00Z');
    const csv = await exportOutcome(report(), 'csv', day);
    expect(csv).toMatchObject({
      contentType: 'text/csv; charset=utf-8; header=present',
      filename: '2027-q1-outcome-2026-11-26.csv',
    });
    const parsed = readCsv(csv.body);
    expect(parsed[0]).toEqual([...OUTCOME_HEADER]);
    expect(parsed.slice(1).map((row) => [row[1], row[9], row[10]])).toEqual([
      ['SSO | partners', '', ''],
      ['Dark mode', "'-Not now, maybe later", ''],
      ['Audit log', '', "'@Finance to size it"],
      ['Offline mode', '', ''],
    ]);
    expect(parsed[4][7]).toBe('a suggestion, "quoted"');

    const xlsx = await exportOutcome(report(), 'xlsx', day);
    expect(xlsx.filename).toBe('2027-q1-outcome-2026-11-26.xlsx');
    const sheet = await readXlsx(xlsx.body);
    expect(sheet.name).toBe('Outcome');
    expect(sheet.getRow(3).getCell(10).value).toBe("'-Not now, maybe later");
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(5).getCell(2).value).toBe('Offline mode');
    expect(sheet.getRow(5).getCell(4).value).toBe(NOT_DECIDED);
  });
});

describe('Markdown', () => {
  it('escapes what would change the rendering, and keeps a table cell on one row', () => {
    expect(mdText('a | b *c* <script> [x](y) #1 & `z`')).toBe(
      'a \\| b \\*c\\* \\<script\\> \\[x\\](y) \\#1 \\& \\`z\\`',
    );
    expect(mdCell('one | two\nthree\r\nfour')).toBe('one \\| two<br>three<br>four');
    expect(mdCell('')).toBe('—');
    expect(mdCell(null)).toBe('—');
  });

  it("has the page's sections, the cut line as a row between the items, and every table cell escaped", () => {
    const md = outcomeMarkdown(report());
    expect(md).toContain('# 2027-Q1 outcome\n');
    expect(md).toContain('- Published on Friday 15 January 2027, 09:00 UTC by Priya Patel');
    expect(md).toContain('- Held: Thursday 14 January 2027, 15:02 UTC to Thursday 14 January 2027, 16:30 UTC');
    expect(md).toContain('\n2 fit, 3 accepted — 3 of 5 person-weeks.\n');
    const table = md
      .split('## Prioritised list')[1]
      .split('## Key outcomes')[0]
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(table).toEqual([
      '| # | Item | Theme | Person-weeks | Cut line |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | SSO \\| partners | Growth | 3 | Above |',
      '| 2 | =HYPERLINK("http://evil") | — | Not estimated | Above |',
      '|  | **Cut line: the 2 items above fit the capacity of 5 person-weeks; the 1 item below does not.** |  |  |  |',
      '| 3 | Exports | Growth | 6 | Below |',
    ]);
    expect(md).toContain(
      '### Growth\n\nKey outcome: Win \\*enterprise\\* deals\n\n- Accepted: SSO \\| partners (#1); Exports (#3, below the cut line)\n- Rejected: Dark mode — -Not now, maybe later\n- Deferred: Audit log',
    );
    expect(md).toContain(
      '| SSO \\| partners | Accepted | 1 | Accepted | 2 accept, 0 reject, 0 defer | Finance: 1 accept · Sales: 1 accept | — | — | Line one<br>Line, "two" |',
    );
    expect(md).toContain('| Audit log | Deferred | — | No votes |');
    expect(md).toContain('Not decided: Offline mode.');
    expect(md).toContain('| Sales | Sam | Observer | no |');
    // Every table row has as many cells as its header: no pipe or newline leaked out of a cell.
    const tables = md
      .trim()
      .split('\n\n')
      .filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(3);
    for (const block of tables) {
      const counts = block.split('\n').map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(counts).size).toBe(1);
    }
  });
});

describe('wording', () => {
  it('states the cut line and department votes in words', () => {
    const cut = cutLine([{ weeks: 3 }, { weeks: 3 }], 5);
    expect(cutLineSummary(cut, 5)).toBe('1 fit, 2 accepted — 3 of 5 person-weeks');
    expect(cutLineText(cut, 5)).toBe(
      'Cut line: the 1 item above fits the capacity of 5 person-weeks; the 1 item below does not.',
    );
    expect(cutLineText(cutLine([{ weeks: 1 }], 5), 5)).toBe(
      'Cut line: the 1 item above fits the capacity of 5 person-weeks.',
    );
    expect(departmentVotesText(votes([sales, 'accept'], [sales, 'reject'], [finance, 'defer']))).toBe(
      'Finance: 1 defer · Sales: 1 accept, 1 reject',
    );
  });
});

describe('the export request', () => {
  it('accepts csv, xlsx and md, and refuses anything else naming `format`', async () => {
    expect(parseExportFormat('csv')).toBe('csv');
    expect(parseExportFormat('xlsx')).toBe('xlsx');
    expect(parseExportFormat('md')).toBe('md');
    for (const bad of [null, undefined, '', 'CSV', 'xls', 'csv ']) {
      let error: unknown;
      try {
        parseExportFormat(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['format']);
      expect((error as ValidationError).message).toMatch(/format must be one of csv, xlsx, md/);
    }
    expect(await exportOutcome(report(), 'md', new Date('2026-11-26T00:00:00Z'))).toEqual({
      body: outcomeMarkdown(report()),
      contentType: 'text/markdown; charset=utf-8',
      filename: '2027-q1-outcome-2026-11-26.md',
    });
  });
});
