import { apiHandler } from '@/lib/api.server';
import { appUrl } from '@/lib/app-url.server';
import { changelogAtom } from '@/lib/roadmap/atom';
import { changelogFor } from '@/lib/roadmap/read.server';

export const dynamic = 'force-dynamic';

/** GET /roadmap/changelog.atom — the changelog as an Atom feed, for signed-in readers. */
export async function GET() {
  return apiHandler(async (user) => {
    const xml = changelogAtom(await changelogFor(user), {
      title: 'Quorum changelog',
      selfUrl: appUrl('/roadmap/changelog.atom'),
      pageUrl: appUrl('/roadmap/changelog'),
    });
    return new Response(xml, {
      headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'private, no-store' },
    });
  });
}
