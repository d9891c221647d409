import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getInvitationByToken } from '@/lib/invitations/accept.server';
import { MIN_PASSWORD_LENGTH } from '@/lib/users/admin.server';
import { AcceptForm } from './accept-form';

export const metadata: Metadata = { title: 'Invitation · Quorum', referrer: 'no-referrer' };

const GONE = {
  expired: {
    heading: 'This invitation has expired',
    text: 'Invitations work for 7 days. Ask the person who invited you to send it again.',
  },
  revoked: {
    heading: 'This invitation was withdrawn',
    text: 'Ask the person who invited you if you should have access.',
  },
  accepted: { heading: 'This invitation was already used', text: 'Your account exists: sign in with your e-mail.' },
  unknown: {
    heading: 'This invitation link does not work',
    text: 'It may be incomplete, or a newer invitation replaced it. Ask the person who invited you to send it again.',
  },
} as const;

const box =
  'mx-auto mt-18 max-w-md space-y-4 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900';

/** Public: the link's secret is what lets the invited person in. Expired, revoked or used links say so plainly. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await getInvitationByToken(token);
  if (view.state !== 'pending') {
    const gone = GONE[view.state];
    return (
      <div className={box}>
        <h1 className="text-2xl font-semibold">{gone.heading}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{gone.text}</p>
        <p className="text-sm">
          <Link href="/signin">Go to sign-in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={box}>
      <h1 className="text-2xl font-semibold">Join Quorum</h1>
      <p className="text-sm text-zinc-600 wrap-anywhere dark:text-zinc-400">
        {view.invitedByName} invited you to Quorum as <strong>{view.email}</strong>. Confirm your name and choose a
        password.
      </p>
      <AcceptForm token={token} name={view.name} minPasswordLength={MIN_PASSWORD_LENGTH} />
    </div>
  );
}
