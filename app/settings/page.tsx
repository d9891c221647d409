import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session.server';
import { getEmailPrefs } from '@/lib/notifications/prefs.server';
import { EmailPrefsForm } from '@/app/settings/_components/email-prefs-form';
import { buttonClass } from '@/components/ui/button';
import { openSessionCount } from '@/lib/auth/user-sessions.server';
import { plural } from '@/lib/plural';
import { signOutEverywhereAction } from './actions';
import { ProfileForm } from '@/app/settings/_components/profile-form';
import { getProfile } from '@/lib/users/profile.server';
import { timeZoneChoices } from '@/lib/users/time-zones';
import { ApiTokensSection } from '@/app/settings/_components/api-tokens-section';
import { listApiTokens } from '@/lib/api-tokens/tokens.server';

export const metadata: Metadata = { title: 'Settings · Quorum' };

/** The signed-in user's own settings (admin-wide settings live under /admin). */
export default async function SettingsPage() {
  const user = await requireUser();
  const profile = await getProfile(user);
  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">E-mail goes to {user.email}.</p>
      </div>
      <section className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950">
        <ProfileForm name={profile.name} timeZone={profile.timeZone} zones={timeZoneChoices()} />
      </section>
      <section className="rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950">
        <EmailPrefsForm prefs={await getEmailPrefs(user)} />
      </section>
      <ApiTokensSection user={user} tokens={await listApiTokens(user)} />
      <section
        aria-labelledby="sessions-heading"
        className="space-y-2 rounded-md border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950"
      >
        <h2 id="sessions-heading" className="font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You are signed in on {plural(await openSessionCount(user.id), 'device or browser', 'devices or browsers')}.
          Signing out everywhere ends every one of them, this one too.
        </p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className={buttonClass('secondary')}>
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
