import { apiHandler } from '@/lib/api.server';
import { changelogMarkdown } from '@/lib/roadmap/changelog';
import { changelogFor } from '@/lib/roadmap/read.server';

export const dynamic = 'force-dynamic';

/** GET /roadmap/changelog/export — the changelog as a Markdown file (any signed-in reader; 401 without a session). */
export async function GET() {
  return apiHandler(async (user) => {
    const body = changelogMarkdown(await changelogFor(user));
    return new Response(body, {
      headers: {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': 'attachment; filename="changelog.md"',
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
