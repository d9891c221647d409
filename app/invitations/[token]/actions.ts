'use server';
import { redirect } from 'next/navigation';
import { failedState, formValues, type FormState } from '@/lib/actions.server';
import { acceptInvitation } from '@/lib/invitations/accept.server';

/**
 * Accepting an invitation, written without formAction: nobody is signed in yet (like sign-in). The
 * link's secret is the authorization; lib/ parses every field. The password is never echoed back.
 */
export async function acceptInvitationAction(_prev: FormState | undefined, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const { password: _password, ...echo } = values;
  let email: string;
  try {
    email = (await acceptInvitation(typeof values.token === 'string' ? values.token : '', values)).email;
  } catch (error) {
    return failedState(error, echo);
  }
  redirect(`/signin?invited=1&email=${encodeURIComponent(email)}`);
}
