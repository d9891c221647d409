/**
 * The matrix rows of inviting people, their department and profile, and the departments and modules
 * page: all admin-only but the profile (everyone's own) and the invitation link (its secret is the key).
 */
import crypto from 'node:crypto';
import { invitations } from '../../db/schema';
import { allow, SIGNED_IN, str, type Row } from './rows';
import { other, type Scene } from './scene';

const ADMIN = ['admin'] as const;
const EVERYONE_OK = allow(SIGNED_IN, 'forbidden', { anonymous: 'ok' });

/** A pending invitation of the cell's own, with the link's secret the test knows. */
async function invitation(s: Scene, opts: { revoked?: boolean } = {}) {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = Date.now();
  const inviter = await other(s, 'admin');
  const [row] = await s.world.db
    .insert(invitations)
    .values({
      email: `invited.${crypto.randomUUID()}@e2e.test`,
      name: s.world.named('Invited person'),
      role: 'requestor',
      departmentId: inviter.departmentId,
      tokenHash: crypto.createHash('sha256').update(token, 'utf8').digest('hex'),
      invitedById: inviter.id,
      createdAt: now,
      expiresAt: now + 86_400_000,
      revokedAt: opts.revoked ? now : null,
    })
    .returning();
  return { ...row, token };
}

/** A fresh department or module of the cell's own. */
const entry = async (s: Scene, kind: 'department' | 'module', base = 'Entry') =>
  kind === 'department'
    ? s.world.department(`${base} ${crypto.randomUUID().slice(0, 8)}`)
    : s.world.module(`${base} ${crypto.randomUUID().slice(0, 8)}`);

export const PEOPLE_ROWS: Row[] = [
  {
    target: 'page /admin/directory',
    case: 'departments and modules',
    call: () => ({ page: '/admin/directory' }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'page /invitations/[token]',
    case: 'a pending invitation',
    call: async (s) => ({ page: `/invitations/${(await invitation(s)).token}` }),
    expect: EVERYONE_OK,
  },
  {
    target: 'action acceptInvitationAction',
    case: 'a pending invitation',
    call: async (s) => ({
      action: 'acceptInvitationAction',
      fields: { token: (await invitation(s)).token, name: 'Ines Invited', password: 'a long enough password' },
      from: '/invitations/x',
    }),
    expect: EVERYONE_OK,
  },
  {
    target: 'action acceptInvitationAction',
    case: 'a revoked invitation',
    call: async (s) => ({
      action: 'acceptInvitationAction',
      fields: {
        token: (await invitation(s, { revoked: true })).token,
        name: 'Ines Invited',
        password: 'a long enough password',
      },
      from: '/invitations/x',
    }),
    expect: allow([], 'refused', { anonymous: 'refused' }),
  },
  {
    target: 'action inviteAction',
    case: 'a new address',
    call: async (s) => ({
      action: 'inviteAction',
      fields: {
        email: `new.${crypto.randomUUID()}@e2e.test`,
        name: 'New Person',
        role: 'engineer',
        departmentId: str((await entry(s, 'department')).id),
      },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action resendInvitationAction',
    case: 'a pending invitation',
    call: async (s) => ({
      action: 'resendInvitationAction',
      fields: { invitationId: str((await invitation(s)).id) },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action revokeInvitationAction',
    case: 'a pending invitation',
    call: async (s) => ({
      action: 'revokeInvitationAction',
      fields: { invitationId: str((await invitation(s)).id) },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action changeDepartmentAction',
    case: 'a leader moves department',
    call: async (s) => ({
      action: 'changeDepartmentAction',
      fields: { userId: str((await other(s, 'leader')).id), departmentId: str((await entry(s, 'department')).id) },
      from: '/admin',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action saveProfileAction',
    case: 'their own profile',
    call: (s) => ({
      action: 'saveProfileAction',
      fields: { name: s.me?.name ?? 'Nobody', timeZone: 'Europe/Paris' },
      from: '/settings',
    }),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action createEntryAction',
    case: 'a new department',
    call: (s) => ({
      action: 'createEntryAction',
      fields: { kind: 'department', name: s.world.named(`Department ${crypto.randomUUID().slice(0, 8)}`) },
      from: '/admin/directory',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action renameEntryAction',
    case: 'a module',
    call: async (s) => ({
      action: 'renameEntryAction',
      fields: { kind: 'module', entryId: str((await entry(s, 'module')).id), name: `Renamed ${crypto.randomUUID()}` },
      from: '/admin/directory',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action setArchivedAction',
    case: 'archive a department',
    call: async (s) => ({
      action: 'setArchivedAction',
      fields: { kind: 'department', entryId: str((await entry(s, 'department')).id), archived: 'true' },
      from: '/admin/directory',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
  {
    target: 'action mergeEntryAction',
    case: 'a module into another',
    call: async (s) => ({
      action: 'mergeEntryAction',
      fields: {
        kind: 'module',
        entryId: str((await entry(s, 'module', 'From')).id),
        intoId: str((await entry(s, 'module', 'Into')).id),
      },
      from: '/admin/directory',
    }),
    expect: allow(ADMIN, 'forbidden'),
  },
];
