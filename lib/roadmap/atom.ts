import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { escapeHtml } from '@/lib/html';
import type { ChangelogGroup } from './changelog';

/**
 * The changelog as an Atom feed. The generator writes entry titles and summaries as type="html" in
 * CDATA (it splits any "]]>" itself, so the XML stays valid); a reader renders that as HTML, so each
 * is HTML-escaped first and a title holding markup reaches the reader as the text it is. The feed's
 * own title is plain text, which the generator escapes. Each entry's id is derived from
 * what it says (cycle, title, day), so a feed reader sees the same delivery as the same entry.
 * It holds the newest FEED_ENTRIES deliveries.
 */
/** Readers poll a feed for what is new: the latest deliveries, not the company's whole history. */
export const FEED_ENTRIES = 100;

export function changelogAtom(
  groups: ChangelogGroup[],
  options: { title: string; selfUrl: string; pageUrl: string },
): string {
  const entries = groups.flatMap((g) => g.entries).slice(0, FEED_ENTRIES);
  const updated = entries.length
    ? dayDate(
        entries
          .map((e) => e.deliveredOn)
          .sort()
          .at(-1)!,
      )
    : new Date(0);
  const feed = new Feed({
    id: options.selfUrl,
    title: options.title,
    link: options.pageUrl,
    updated,
    generator: 'Quorum',
    feedLinks: { atom: options.selfUrl },
  });
  for (const e of entries) {
    const id = createHash('sha256').update(`${e.cycle.name}\n${e.title}\n${e.deliveredOn}`).digest('hex').slice(0, 32);
    feed.addItem({
      id: `urn:quorum:delivery:${id}`,
      title: escapeHtml(e.title),
      link: `${options.pageUrl}#delivery-${id}`,
      date: dayDate(e.deliveredOn),
      description: escapeHtml(`Delivered on ${e.deliveredOn}${e.theme ? ` · ${e.theme}` : ''} · ${e.cycle.name}`),
    });
  }
  return feed.atom1();
}

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);
