'use server';
import { z } from 'zod';
import { formAction } from '@/lib/actions.server';
import { setEmailPrefs } from '@/lib/notifications/prefs.server';
import { signOut } from '@/lib/auth/auth.server';
import { signOutEverywhere } from '@/lib/users/admin.server';
import { formId, formList } from '@/lib/validation';
import { createApiToken, revokeApiToken } from '@/lib/api-tokens/tokens.server';
import { NEW_TOKEN_MESSAGE } from '@/lib/api-tokens/scopes';
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

/** The secret comes back in the message, once: the form shows it in a box of its own to copy. */
export const createApiTokenAction = formAction(z.looseObject({}), (input, user) => createApiToken(user, input), {
  message: (token) => `${NEW_TOKEN_MESSAGE} ${token.secret}`,
  revalidate: () => '/settings',
});

export const revokeApiTokenAction = formAction(
  z.object({ tokenId: formId }),
  (input, user) => revokeApiToken(user, input.tokenId),
  { message: 'The token is revoked.', revalidate: () => '/settings' },
);
