import { z } from 'zod';
import { WEBHOOK_FORMATS } from '@/db/schema/integrations';
import { SUBSCRIBABLE_EVENTS } from '@/lib/events/public-events';
import { formList, singleLine } from '@/lib/validation';

export const MAX_WEBHOOK_NAME = 100;
export const MAX_WEBHOOK_URL = 2000;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

const portOf = (u: URL) => u.port || (u.protocol === 'https:' ? '443' : '80');

/**
 * True when `target` points back at Quorum itself (one of `ownOrigins`): the same host and port, or
 * any loopback name for a loopback origin on the same port. A webhook to itself would make every
 * event post into the app, a loop at best and a way to reach its internal routes at worst.
 */
export function pointsAtOrigin(target: URL, ownOrigins: string[]): boolean {
  const host = target.hostname.toLowerCase();
  return ownOrigins.some((origin) => {
    let own: URL;
    try {
      own = new URL(origin);
    } catch {
      return false;
    }
    if (portOf(own) !== portOf(target)) return false;
    const ownHost = own.hostname.toLowerCase();
    return ownHost === host || (LOOPBACK.has(ownHost) && LOOPBACK.has(host));
  });
}

/** The webhook URL field: http(s) only, no credentials, not Quorum itself, at most 2,000 characters. */
export function webhookUrlSchema(ownOrigins: string[]) {
  return z
    .string({ error: 'Enter the URL to send events to.' })
    .trim()
    .min(1, 'Enter the URL to send events to.')
    .max(MAX_WEBHOOK_URL, `The URL must be at most ${MAX_WEBHOOK_URL.toLocaleString('en')} characters.`)
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The URL is not a valid address (e.g. https://example.com/hook).' });
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        ctx.addIssue({ code: 'custom', message: 'The URL must start with https:// or http://.' });
      else if (url.username || url.password)
        ctx.addIssue({
          code: 'custom',
          message: 'The URL must not hold a user name or password: the signature proves who sends.',
        });
      else if (pointsAtOrigin(url, ownOrigins))
        ctx.addIssue({
          code: 'custom',
          message: 'The URL points at Quorum itself: give the address of another service.',
        });
    });
}

const EventsSchema = formList(z.string()).pipe(
  z
    .array(z.enum(SUBSCRIBABLE_EVENTS as unknown as [string, ...string[]], { error: 'Choose events from the list.' }), {
      error: 'Choose events from the list.',
    })
    .min(1, 'Choose at least one event.')
    .max(SUBSCRIBABLE_EVENTS.length, 'Choose events from the list.')
    .transform((list) => [...new Set(list)]),
);

/** A webhook's editable fields, as the form and lib/ both read them. */
export function webhookSchema(ownOrigins: string[]) {
  return z.object({
    name: singleLine('The name', MAX_WEBHOOK_NAME, { required: 'Enter a name.' }),
    url: webhookUrlSchema(ownOrigins),
    format: z.enum(WEBHOOK_FORMATS, { error: 'Choose JSON or Slack.' }),
    events: EventsSchema,
  });
}
export type WebhookInput = z.output<ReturnType<typeof webhookSchema>>;
