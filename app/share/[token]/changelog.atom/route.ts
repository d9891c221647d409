import { notFound } from 'next/navigation';
import { appUrl } from '@/lib/app-url.server';
import { changelogAtom } from '@/lib/roadmap/atom';
import { sharedChangelog } from '@/lib/roadmap/shared.server';

export const dynamic = 'force-dynamic';

/**
 * GET /share/[token]/changelog.atom — the shared cycles' changelog through a read-only link, without
 * sign-in. A revoked, guessed or malformed token gets Next's 404, the same as any unknown route.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const groups = await sharedChangelog(token);
  if (!groups) notFound();
  const base = `/share/${encodeURIComponent(token)}`;
  const xml = changelogAtom(groups, {
    title: 'Changelog',
    selfUrl: appUrl(`${base}/changelog.atom`),
    pageUrl: appUrl(base),
  });
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex, nofollow',
    },
  });
}
