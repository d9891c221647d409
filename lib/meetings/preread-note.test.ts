import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, prereads, users } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import { db } from '@/lib/testing/db';
import { first } from '@/db/rows';
import { distributePreread } from './distribute.server';
import { previewPrereadEmail } from './preread-preview.server';
import { meetingRowCounts, plannedMeeting } from './test-helpers';

describe('the pre-read e-mail', () => {
  it('lists the items by theme, starts with the note, and the preview is exactly what is then sent', async () => {
    const { pm, leaders, meeting } = await plannedMeeting({ items: 3 });
    await db.update(users).set({ timeZone: 'Europe/Berlin' }).where(eq(users.id, leaders[0].id));
    const first_ = [...leaders].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)[0];
    const before = await meetingRowCounts();
    const { preview } = await previewPrereadEmail(pm, meeting.id, { note: 'Please read item 2 closely.' });
    expect(await meetingRowCounts()).toEqual(before); // nothing written or sent
    expect(preview!.recipient).toBe(first_.name);
    const text = preview!.text;
    expect(text.indexOf(`A note from ${pm.name}:\nPlease read item 2 closely.`)).toBeGreaterThan(0);
    expect(text.indexOf('Please read item 2 closely.')).toBeLessThan(text.indexOf('When:'));
    // Growth holds items 1 and 3, Reliability item 2, in the cycle's theme order.
    expect(text).toContain(
      'Growth — key outcome: A measurable outcome (2)\n• Agenda item 1 (3 person-weeks)\n• Agenda item 3 (3 person-weeks)\n' +
        'Reliability — key outcome: A measurable outcome (1)\n• Agenda item 2 (3 person-weeks)',
    );

    await distributePreread(pm, meeting.id, { note: 'Please read item 2 closely.' });
    expect(first(await db.select().from(prereads).where(eq(prereads.meetingId, meeting.id)))!.note).toBe(
      'Please read item 2 closely.',
    );
    const sent = first(await db.select().from(outbox).where(eq(outbox.toUserId, first_.id)))!;
    expect({ subject: sent.subject, text: sent.text, html: sent.html }).toEqual({
      subject: preview!.subject,
      text: preview!.text,
      html: preview!.html,
    });
    const berlin = first(await db.select().from(outbox).where(eq(outbox.toUserId, leaders[0].id)))!;
    expect(berlin.text).toMatch(/When: .+ Europe\/Berlin/);
  });

  it('refuses a note over 2,000 characters, naming the field, and a preview by a leader, writing nothing', async () => {
    const { pm, leaders, meeting } = await plannedMeeting();
    const before = await meetingRowCounts();
    const long = { note: 'x'.repeat(2001) };
    await expect(distributePreread(pm, meeting.id, long)).rejects.toMatchObject({
      fieldErrors: { note: ['Personal note must be at most 2,000 characters.'] },
    });
    await expect(previewPrereadEmail(pm, meeting.id, long)).rejects.toThrow(ValidationError);
    await expect(previewPrereadEmail(leaders[0], meeting.id, {})).rejects.toThrow();
    expect(await meetingRowCounts()).toEqual(before);
  });
});
