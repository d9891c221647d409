import { describe, expect, it } from 'vitest';
import { cutLineSummary, cutLineText, departmentVotesText } from '@/lib/outcome/text';
import { mdCell, mdText, outcomeMarkdown } from '@/lib/outcome/markdown';
import { cutLine } from '@/lib/ranking/order';
import { finance, report, sales, votes } from './test-report';

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
