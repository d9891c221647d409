import 'server-only';
import { escapeHtml as escape } from '@/lib/html';
import { appUrl } from './links.server';
import type { Email } from './notify.server';

/**
 * One e-mail in Quorum's house style: a subject that names the cycle, a plain-text part and an
 * HTML part with the same words, and a link to the app's public URL. Everything is escaped:
 * titles and questions come from users.
 */
export function composeEmail(input: {
  cycleName: string;
  heading: string;
  lines: string[];
  action: { label: string; path: string };
  ics?: string;
}): Email {
  const url = appUrl(input.action.path);
  const text = [input.heading, '', ...input.lines, '', `${input.action.label}: ${url}`, '', '— Quorum'].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#18181b">
<h1 style="font-size:18px">${escape(input.heading)}</h1>
${input.lines.map((l) => `<p>${escape(l)}</p>`).join('\n')}
<p><a href="${escape(url)}">${escape(input.action.label)}</a></p>
<p style="color:#71717a;font-size:12px">Quorum · ${escape(input.cycleName)}</p>
</body></html>`;
  return { subject: `[Quorum · ${input.cycleName}] ${input.heading}`, text, html, ics: input.ics };
}
