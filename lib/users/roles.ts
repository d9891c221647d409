import { ROLES, type Role } from '@/db/schema/people';

/** Every role, in the order the admin's picker lists them, with the name people read. Pure (client-safe). */
export const ROLE_CHOICES: readonly { value: Role; label: string }[] = ROLES.map((value) => ({
  value,
  label: { admin: 'Admin', pm: 'Product manager', leader: 'Leader', engineer: 'Engineer', requestor: 'Requestor' }[
    value
  ],
}));
