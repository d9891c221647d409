import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { changelogAtom, FEED_ENTRIES } from './atom';
import { changelogMarkdown, changelogOf, changelogPage, escapeMarkdown } from './changelog';
import { ChangelogQuerySchema } from './views';
import type { RoadmapEntry } from './types';

const HOSTILE = '<script>alert(1)</script> & "quotes"';

const entry = (title: string, deliveredOn: string | null, lane: RoadmapEntry['lane'] = 'shipped'): RoadmapEntry => ({
  title,
  theme: 'Growth',
  cycle: { name: 'Q4 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' },
  status: lane === 'shipped' ? 'delivered' : 'accepted',
  period: null,
  deliveredOn,
  lane,
});

describe('changelogOf', () => {
  it('groups delivered items by month, newest first, and leaves out the rest', () => {
    const groups = changelogOf([
      entry('Export', '2026-10-20'),
      entry('Search', '2026-11-03'),
      entry('Invoices', '2026-11-28'),
      entry('Reports', '2026-11-03'),
      entry('Undated', null),
      entry('Planned', null, 'now'),
    ]);
    expect(groups.map((g) => [g.month, g.label, g.entries.map((e) => e.title)])).toEqual([
      ['2026-11', 'November 2026', ['Invoices', 'Search', 'Reports']],
      ['2026-10', 'October 2026', ['Export']],
    ]);
  });
});

describe('the changelog a quarter at a time', () => {
  const groups = changelogOf([
    entry('Export', '2024-05-10'),
    entry('Search', '2026-11-03'),
    entry('Invoices', '2026-10-28'),
    entry('Reports', '2026-09-30'),
  ]);
  const shown = (asked?: string) => {
    const page = changelogPage(groups, asked);
    return [
      page.quarters.map((q) => q.label),
      page.quarter?.label,
      page.groups.map((g) => g.entries.map((e) => e.title)),
    ];
  };
  const ALL = ['Q4 2026', 'Q3 2026', 'Q2 2024'];

  it('shows the newest quarter by default, and the one asked for', () => {
    expect(shown()).toEqual([ALL, 'Q4 2026', [['Search'], ['Invoices']]]);
    expect(shown('2024-Q2')).toEqual([ALL, 'Q2 2024', [['Export']]]);
    expect(changelogPage(groups, '2026-Q3').quarter).toEqual({ key: '2026-Q3', label: 'Q3 2026' });
  });

  it('shows a quarter without deliveries as empty, and nothing when nothing shipped', () => {
    expect(shown('1999-Q1')).toEqual([ALL, 'Q1 1999', []]);
    expect(changelogPage([])).toEqual({ quarters: [], quarter: null, groups: [] });
  });

  it('reads ?quarter= as a year and a quarter, and anything else as none', () => {
    const quarter = (query: Record<string, unknown>) => ChangelogQuerySchema.parse(query).quarter;
    expect(
      [
        { quarter: '2025-Q1' },
        {},
        { quarter: 'last' },
        { quarter: '2025-Q5' },
        { quarter: ['2024-Q1', '2024-Q2'] },
      ].map(quarter),
    ).toEqual(['2025-Q1', undefined, undefined, undefined, undefined]);
  });
});

describe('the Markdown changelog', () => {
  it('escapes titles so they cannot make links, images, HTML or new blocks', () => {
    expect(escapeMarkdown('[click](https://evil.example) ![x](y) <b>hi</b> *bold* _i_ `code`')).toBe(
      '\\[click\\]\\(https\\:\\/\\/evil\\.example\\) \\!\\[x\\]\\(y\\) \\<b\\>hi\\<\\/b\\> \\*bold\\* \\_i\\_ \\`code\\`',
    );
    expect(escapeMarkdown('line\n# heading')).toBe('line \\# heading');
    const text = changelogMarkdown(
      changelogOf([entry(HOSTILE, '2026-11-03'), entry('[x](javascript:alert(1))', '2026-11-04')]),
    );
    expect(text).toContain('## November 2026');
    expect(text).toContain('- 2026-11-03: \\<script\\>alert\\(1\\)\\<\\/script\\> \\& \\"quotes\\" (Growth · Q4 2026)');
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('](');
  });

  it('says so when nothing has been delivered', () => {
    expect(changelogMarkdown([])).toBe('# Changelog\n\nNothing has been delivered yet.\n');
  });
});

describe('the Atom changelog', () => {
  it('parses back with every entry and its markup as text', () => {
    const xml = changelogAtom(changelogOf([entry(HOSTILE, '2026-11-03'), entry('Search', '2026-10-01')]), {
      title: 'Changelog & news',
      selfUrl: 'https://quorum.example/roadmap/changelog.atom',
      pageUrl: 'https://quorum.example/roadmap/changelog',
    });
    // Markup reaches the XML only escaped, and a reader decodes it back to the text it was.
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Changelog & news');
    expect(feed.items.map((i) => i.title)).toEqual([HOSTILE, 'Search']);
    expect(feed.items[0].description).toBe('Delivered on 2026-11-03 · Growth · Q4 2026');
    expect(feed.items[0].updated?.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    expect(feed.items[0].id).toMatch(/^urn:quorum:delivery:[0-9a-f]{32}$/);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(2);
  });

  it('holds the newest deliveries only', () => {
    const many = Array.from({ length: FEED_ENTRIES + 5 }, (_, n) =>
      entry(`Item ${n}`, new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    );
    const feed = parseFeed(
      changelogAtom(changelogOf(many), {
        title: 'C',
        selfUrl: 'https://q.example/a.atom',
        pageUrl: 'https://q.example/c',
      }),
    );
    expect(feed.items).toHaveLength(FEED_ENTRIES);
    expect(feed.items[0].title).toBe(`Item ${FEED_ENTRIES + 4}`);
    expect(feed.items.at(-1)!.title).toBe('Item 5');
  });

  it('is a valid feed with no entries', () => {
    const feed = parseFeed(
      changelogAtom([], { title: 'Changelog', selfUrl: 'https://q.example/a.atom', pageUrl: 'https://q.example/c' }),
    );
    expect(feed.items).toEqual([]);
  });
});
