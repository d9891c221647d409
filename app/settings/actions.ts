'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { signOut } from '@/lib/auth/auth.server';
import { signOutEverywhere } from '@/lib/users/admin.server';
import { formList } from '@/lib/validation';
import { updateProfile } from '@/lib/users/profile.server';

// Checked boxes arrive as repeated `kinds` values; unchecked ones do not arrive at all.
export const saveEmailPrefsAction = formAction(
  z.object({ kinds: formList(z.string()) }),
  (input, user) => setEmailPrefs(user, input),
  { message: 'Your e-mail settings are saved.', revalidate: () => '/settings' },
);

/** Ends every session of the person, this one included, and goes to sign-in. */
export const signOutEverywhereAction = formAction(z.object({}), async (_input, user) => {
  await signOutEverywhere(user);
  await signOut({ redirectTo: '/signin?signedOutEverywhere=1' });
});

/** The layout shows the name, and every page the time zone: revalidate them all. */
export const saveProfileAction = formAction(z.looseObject({}), (input, user) => updateProfile(user, input), {
  message: 'Your profile is saved.',
  revalidate: () => '/layout',
});
