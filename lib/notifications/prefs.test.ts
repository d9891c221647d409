import { describe, expect, it } from 'vitest';
import { makeUser } from '@/db/factories';
import { NOTIFICATION_KINDS } from '@/db/schema';
import { db, validationErrorOf } from '@/lib/testing/db';
import { NOTIFICATION_KIND_LABELS } from './kinds';
import { getEmailPrefs, setEmailPrefs } from './prefs.server';

describe('e-mail preferences', () => {
  it('lists every kind with its label, all on by default', async () => {
    const user = await makeUser(db);
    const prefs = await getEmailPrefs(user);
    expect(prefs.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(prefs.every((p) => p.email && p.label === NOTIFICATION_KIND_LABELS[p.kind])).toBe(true);
  });

  it('turns off every kind not listed, and back on, for the actor only', async () => {
    const user = await makeUser(db);
    const other = await makeUser(db);
    const saved = await setEmailPrefs(user, { kinds: ['question.asked', 'question.answered'] });
    expect(saved.filter((p) => p.email).map((p) => p.kind)).toEqual(['question.asked', 'question.answered']);
    expect(await getEmailPrefs(user)).toEqual(saved);
    expect((await getEmailPrefs(other)).every((p) => p.email)).toBe(true);

    await setEmailPrefs(user, { kinds: [...NOTIFICATION_KINDS] });
    expect((await getEmailPrefs(user)).every((p) => p.email)).toBe(true);
  });

  it('accepts a single checked box as a string, and none at all as "everything off"', async () => {
    const user = await makeUser(db);
    expect(
      (await setEmailPrefs(user, { kinds: 'preread.reminder' })).filter((p) => p.email).map((p) => p.kind),
    ).toEqual(['preread.reminder']);
    expect((await setEmailPrefs(user, {})).some((p) => p.email)).toBe(false);
  });

  it('refuses an unknown kind with a field error and changes nothing', async () => {
    const user = await makeUser(db);
    await setEmailPrefs(user, { kinds: ['question.asked'] });
    const before = await getEmailPrefs(user);
    const error = await validationErrorOf(() => setEmailPrefs(user, { kinds: ['question.asked', 'spam.everything'] }));
    expect(error.fieldErrors.kinds).toEqual(['Choose only kinds of notification listed here.']);
    expect(await getEmailPrefs(user)).toEqual(before);
  });
});
