import { describe, expect, it } from 'vitest';
import { signInTickets } from '@/db/schema';
import { makeUser } from '@/db/factories';
import { db } from '@/lib/testing/db';
import { issueSignInTicket, redeemSignInTicket } from './sign-in-tickets.server';

describe('sign-in tickets', () => {
  it('work once, for the user and method they were issued for, and are kept only hashed', async () => {
    const person = await makeUser(db);
    const ticket = await issueSignInTicket(person.id, 'saml', null);
    expect((await db.select().from(signInTickets)).some((t) => t.id === ticket)).toBe(false);
    expect(await redeemSignInTicket(ticket)).toEqual({ userId: person.id, method: 'saml' });
    expect(await redeemSignInTicket(ticket)).toBeNull();
  });

  it('expire after a minute, and refuse anything that is not one', async () => {
    const person = await makeUser(db);
    const now = Date.now();
    const ticket = await issueSignInTicket(person.id, 'oidc', null, now);
    expect(await redeemSignInTicket(ticket, now + 61_000)).toBeNull();
    for (const bad of [undefined, 42, '', 'x'.repeat(500), 'not-a-ticket-but-long-enough', { ticket }])
      expect(await redeemSignInTicket(bad)).toBeNull();
  });
});
