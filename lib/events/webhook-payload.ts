import type { PublicEvent } from './public-events';

/**
 * The bodies a webhook receives. JSON: `{ id, type, createdAt, data }`, where data names things as
 * well as numbering them, so a receiver need not call back to learn what "item 42" is. Slack:
 * `{ text }`, one readable line with a link, so a Slack incoming-webhook URL works as it is.
 */
export type Named = { id: number; name: string };
export type ItemInfo = {
  id: number;
  title: string;
  status: string;
  url: string;
  cycle: Named | null;
  theme: Named | null;
};
export type PublicData = {
  actor: Named | null;
  item?: ItemInfo;
  cycle?: Named | null;
  meeting?: Named | null;
  from?: string;
  to?: string;
  decision?: string;
  reason?: string | null;
  changeRequest?: { id: number; title: string; decision: 'approved' | 'declined'; url: string };
  items?: number;
  url?: string;
  message?: string;
};

export type JsonPayload = { id: string; type: PublicEvent; createdAt: string; data: PublicData };

const quoted = (s: string) => `“${s}”`;
/** Slack's link syntax: `<url|text>`; `<`, `>` and `&` in the text are escaped as Slack asks. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (url: string | undefined, text: string) => (url ? `<${url}|${slackEscape(text)}>` : slackEscape(text));

/** One line a person reads in a chat channel. */
export function slackText(type: PublicEvent, d: PublicData): string {
  const by = d.actor ? ` by ${slackEscape(d.actor.name)}` : '';
  const item = d.item ? link(d.item.url, quoted(d.item.title)) : '';
  const inCycle = d.item?.cycle ? ` in ${slackEscape(d.item.cycle.name)}` : '';
  const because = d.reason ? `: ${slackEscape(d.reason)}` : '';
  switch (type) {
    case 'item.created':
      return `Quorum: ${item} was created${inCycle}${by}.`;
    case 'request.submitted':
      return `Quorum: request ${item} was submitted${by}.`;
    case 'item.decided':
      return `Quorum: ${item} was ${d.decision}${d.meeting ? ` in ${slackEscape(d.meeting.name)}` : ''}${by}${because}.`;
    case 'item.status_changed':
      return `Quorum: ${item} moved from ${d.from} to ${d.to}${by}.`;
    case 'outcome.published':
      return `Quorum: the outcome of ${link(d.url, d.meeting?.name ?? 'a meeting')} was published${by} (${d.items} items).`;
    case 'schedule.published':
      return `Quorum: the ${link(d.url, d.cycle?.name ?? 'cycle')} delivery schedule was published${by} (${d.items} items).`;
    case 'change_request.decided':
      return `Quorum: change request ${link(d.changeRequest?.url, quoted(d.changeRequest?.title ?? ''))} was ${d.changeRequest?.decision}${by}${because}.`;
    case 'cycle.created':
      return `Quorum: cycle ${link(d.url, d.cycle?.name ?? '')} was created${by}.`;
    case 'ping':
      return `Quorum: test event${by}. ${slackEscape(d.message ?? '')}`.trim();
  }
}

/** The stored (and sent) body of one delivery. */
export function webhookBody(format: 'json' | 'slack', payload: JsonPayload): string {
  return format === 'slack' ? JSON.stringify({ text: slackText(payload.type, payload.data) }) : JSON.stringify(payload);
}
