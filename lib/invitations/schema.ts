import { z } from 'zod';
import { ROLES } from '@/db/schema/people';
import { requiredId, singleLine } from '@/lib/validation';

export const INVITATION_DAYS = 7;

const email = z
  .string({ error: 'Enter an e-mail address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an e-mail address.')
  .max(254, 'The e-mail address must be at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid e-mail address, like name@example.com.' }));

export const personName = singleLine('The name', 120, { required: 'Enter their name.' });

export const InviteSchema = z.object({
  email,
  name: personName,
  role: z.enum(ROLES, { error: 'Choose one of the roles listed.' }),
  departmentId: requiredId('department'),
});
export type InviteInput = z.output<typeof InviteSchema>;

/** What newToken() makes: 32 random bytes in base64url. Anything else cannot be an invitation link. */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This is not an invitation link.');
