import type { RoadmapEntry } from './types';

/** What shipped in one month, newest delivery first. */
export type ChangelogGroup = { month: string; label: string; entries: ShippedEntry[] };
export type ShippedEntry = RoadmapEntry & { deliveredOn: string };

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "November 2026" for "2026-11". */
export const labelOfMonth = (month: string) => monthLabel.format(new Date(`${month}-01T00:00:00Z`));

/**
 * The changelog: delivered items that have a delivery day, grouped by the month they shipped in,
 * newest month first and newest delivery first within it (ties keep the roadmap's order).
 */
export function changelogOf(entries: RoadmapEntry[]): ChangelogGroup[] {
  const shipped = entries.filter((e): e is ShippedEntry => e.lane === 'shipped' && e.deliveredOn !== null);
  const byMonth = new Map<string, ShippedEntry[]>();
  for (const e of shipped) {
    const month = e.deliveredOn.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), e]);
  }
  return [...byMonth]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, list]) => ({
      month,
      label: labelOfMonth(month),
      entries: list
        .map((e, n) => ({ e, n }))
        .sort((x, y) => y.e.deliveredOn.localeCompare(x.e.deliveredOn) || x.n - y.n)
        .map(({ e }) => e),
    }));
}

/** A calendar quarter of the changelog: `key` as the query string writes it ("2026-Q4"), and its label. */
export type ChangelogQuarter = { key: string; label: string };
/** The changelog a quarter at a time: the quarters that have deliveries, newest first, and the one shown. */
export type ChangelogPage = {
  quarters: ChangelogQuarter[];
  quarter: ChangelogQuarter | null;
  groups: ChangelogGroup[];
};

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
const quarter = (key: string): ChangelogQuarter => ({ key, label: `${key.slice(5)} ${key.slice(0, 4)}` });

/**
 * One calendar quarter of `groups` (newest first, as changelogOf returns them): `asked`, or the newest
 * quarter with deliveries. A company ships hundreds of items a quarter: its whole history, or even a
 * year of it, is too long for one page.
 */
export function changelogPage(groups: ChangelogGroup[], asked?: string): ChangelogPage {
  const keys = [...new Set(groups.map((g) => quarterOf(g.month)))];
  const key = asked ?? keys[0] ?? null;
  return {
    quarters: keys.map(quarter),
    quarter: key === null ? null : quarter(key),
    groups: groups.filter((g) => quarterOf(g.month) === key),
  };
}

/**
 * Text made inert for Markdown: every ASCII punctuation character is backslash-escaped (CommonMark
 * lets any of them be), so a title cannot open a link, an image, emphasis, a heading, a list or an
 * HTML tag; line breaks become spaces so it cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** The changelog as a Markdown document, for download. */
export function changelogMarkdown(groups: ChangelogGroup[], title = 'Changelog'): string {
  const lines = [`# ${escapeMarkdown(title)}`, ''];
  if (groups.length === 0) lines.push('Nothing has been delivered yet.', '');
  for (const g of groups) {
    lines.push(`## ${g.label}`, '');
    for (const e of g.entries) {
      const context = [e.theme, e.cycle.name].filter((x): x is string => x !== null).map(escapeMarkdown);
      lines.push(`- ${e.deliveredOn}: ${escapeMarkdown(e.title)} (${context.join(' · ')})`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
