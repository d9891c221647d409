import 'server-only';
import { changelogOf, type ChangelogGroup } from './changelog';
import { linkForToken } from './links.server';
import { publishedEntries, roadmapFrom, todayUtc } from './read.server';
import type { Roadmap } from './types';

/**
 * What a read-only link shows: the published roadmap of the shared cycles only, or null when the
 * token opens no active link. The entries carry titles, themes, cycles, periods and delivery days —
 * nothing else exists in them to leak.
 */
export async function sharedRoadmap(token: unknown, today = todayUtc()): Promise<Roadmap | null> {
  if (!(await linkForToken(token))) return null;
  return roadmapFrom(await publishedEntries({ sharedOnly: true }, today), today);
}

/** The changelog of the shared cycles through a read-only link, or null as above. */
export async function sharedChangelog(token: unknown, today = todayUtc()): Promise<ChangelogGroup[] | null> {
  if (!(await linkForToken(token))) return null;
  return changelogOf(await publishedEntries({ sharedOnly: true }, today));
}
