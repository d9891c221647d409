import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation';
import { webhookSchema } from './input';

const OWN = ['http://localhost:3700/', 'https://quorum.example.com/'];
const valid = {
  name: 'Slack #planning',
  url: 'https://hooks.example.com/in/1',
  format: 'json',
  events: 'item.created',
};
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = webhookSchema(OWN).safeParse({ ...valid, ...input });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe('webhook input', () => {
  it('accepts http(s) URLs elsewhere, loopback on another port, and a list of known events', () => {
    const parsed = webhookSchema(OWN).parse({ ...valid, events: ['item.created', 'cycle.created', 'item.created'] });
    expect(parsed.events).toEqual(['item.created', 'cycle.created']);
    expect(errorsOf({ url: 'http://127.0.0.1:4000/hook' })).toEqual({});
    expect(errorsOf({ url: 'https://quorum.example.com:8443/hook' })).toEqual({});
  });

  it.each([
    ['ftp://example.com/hook', 'must start with https:// or http://'],
    ['javascript:alert(1)', 'must start with https:// or http://'],
    ['file:///etc/passwd', 'must start with https:// or http://'],
    ['not a url', 'not a valid address'],
    ['https://user:pw@example.com/hook', 'must not hold a user name or password'],
    ['http://localhost:3700/api/items', 'points at Quorum itself'],
    ['http://127.0.0.1:3700/x', 'points at Quorum itself'],
    ['http://[::1]:3700/x', 'points at Quorum itself'],
    ['https://QUORUM.example.com/hook', 'points at Quorum itself'],
    ['https://quorum.example.com:443/hook', 'points at Quorum itself'],
    [`https://example.com/${'a'.repeat(2000)}`, 'at most 2,000 characters'],
    ['', 'Enter the URL'],
  ])('refuses the URL %s, naming the field', (url, message) => {
    const errors = errorsOf({ url });
    expect(Object.keys(errors)).toEqual(['url']);
    expect(errors.url.join(' ')).toContain(message);
  });

  it('refuses unknown events, ping, an empty list, an over-long name and an unknown format', () => {
    expect(errorsOf({ events: ['item.created', 'user.created'] }).events).toEqual(['Choose events from the list.']);
    expect(errorsOf({ events: 'ping' }).events).toEqual(['Choose events from the list.']);
    expect(errorsOf({ events: undefined }).events).toEqual(['Choose at least one event.']);
    expect(errorsOf({ name: 'n'.repeat(101) }).name).toEqual(['The name must be at most 100 characters.']);
    expect(errorsOf({ name: '  ' }).name).toEqual(['Enter a name.']);
    expect(errorsOf({ format: 'xml' }).format).toEqual(['Choose JSON or Slack.']);
  });
});
