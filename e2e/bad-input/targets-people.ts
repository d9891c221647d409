/** Bad input for inviting people, their department and profile, and the departments and modules page. */
import type { BadInputTarget } from './targets';

const kind = 'enum' as const;

export const PEOPLE_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action inviteAction',
    from: 'a new address',
    as: 'admin',
    kinds: { email: 'line', name: 'line', role: 'enum', departmentId: 'id' },
  },
  { target: 'action resendInvitationAction', from: 'a pending invitation', as: 'admin', kinds: { invitationId: 'id' } },
  { target: 'action revokeInvitationAction', from: 'a pending invitation', as: 'admin', kinds: { invitationId: 'id' } },
  {
    target: 'action acceptInvitationAction',
    from: 'a pending invitation',
    as: 'requestor',
    kinds: { token: 'line', name: 'line', password: 'line' },
  },
  {
    target: 'action changeDepartmentAction',
    from: 'a leader moves department',
    as: 'admin',
    kinds: { userId: 'id', departmentId: 'id' },
  },
  // An empty time zone is a valid choice ("not set"), so the zone is not an enum here; lib/ tests refuse unknown ones.
  { target: 'action saveProfileAction', from: 'their own profile', as: 'leader', kinds: { name: 'line' } },
  { target: 'action createEntryAction', from: 'a new department', as: 'admin', kinds: { kind, name: 'line' } },
  { target: 'action renameEntryAction', from: 'a module', as: 'admin', kinds: { kind, entryId: 'id', name: 'line' } },
  {
    target: 'action setArchivedAction',
    from: 'archive a department',
    as: 'admin',
    kinds: { kind, entryId: 'id', archived: 'enum' },
  },
  {
    target: 'action mergeEntryAction',
    from: 'a module into another',
    as: 'admin',
    kinds: { kind, entryId: 'id', intoId: 'id' },
  },
];
