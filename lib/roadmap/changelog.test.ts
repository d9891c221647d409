import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { changelogAtom } from './atom';
import { changelogMarkdown, changelogOf, escapeMarkdown } from './changelog';
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

  it('is a valid feed with no entries', () => {
    const feed = parseFeed(
      changelogAtom([], { title: 'Changelog', selfUrl: 'https://q.example/a.atom', pageUrl: 'https://q.example/c' }),
    );
    expect(feed.items).toEqual([]);
  });
});
