import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments, ROLES, SIGN_IN_METHODS, users } from './people';

export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof SSO_PROTOCOLS)[number];

/**
 * A company's identity provider. `config` holds what may be shown again (issuer, client id, the
 * IdP's metadata…); the OIDC client secret is kept only encrypted, the SCIM token only hashed.
 */
export const ssoConnections = sqliteTable('sso_connections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  protocol: text('protocol', { enum: SSO_PROTOCOLS }).notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  secretCiphertext: text('secret_ciphertext'),
  scimTokenHash: text('scim_token_hash'),
  scimTokenCreatedAt: integer('scim_token_created_at'), // epoch ms
  // People of the connection's domains may not use a password once this is on.
  enforced: integer('enforced', { mode: 'boolean' }).notNull().default(false),
  allowIdpInitiated: integer('allow_idp_initiated', { mode: 'boolean' }).notNull().default(false),
  // What the last "Test this connection" received: the claims or attributes, or why it failed.
  lastTest: text('last_test', { mode: 'json' }).$type<Record<string, unknown>>(),
  lastTestedAt: integer('last_tested_at'), // epoch ms
  createdAt: integer('created_at').notNull(), // epoch ms
  updatedAt: integer('updated_at').notNull(), // epoch ms
});
export type SsoConnection = typeof ssoConnections.$inferSelect;

/** An e-mail domain belongs to at most one connection: typing an address routes to it. */
export const ssoDomains = sqliteTable(
  'sso_domains',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(), // lower case, no @
  },
  (t) => [uniqueIndex('sso_domains_domain').on(t.domain), index('sso_domains_connection').on(t.connectionId)],
);

/** IdP group → role and/or department. With no matching group a new person is a requestor. */
export const ssoGroupMappings = sqliteTable(
  'sso_group_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    role: text('role', { enum: ROLES }),
    departmentId: integer('department_id').references(() => departments.id),
  },
  (t) => [uniqueIndex('sso_group_mappings_group').on(t.connectionId, t.groupName)],
);

/** A person as one connection knows them (OIDC `sub`, SAML NameID, SCIM id). */
export const ssoIdentities = sqliteTable(
  'sso_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    // SCIM's resource id for this person (a UUID) and the IdP's own externalId.
    scimId: text('scim_id'),
    externalId: text('external_id'),
    groups: text('groups', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdAt: integer('created_at').notNull(), // epoch ms
    lastSignInAt: integer('last_sign_in_at'), // epoch ms
  },
  (t) => [
    uniqueIndex('sso_identities_subject').on(t.connectionId, t.subject),
    uniqueIndex('sso_identities_scim_id').on(t.scimId),
    index('sso_identities_user').on(t.userId),
  ],
);
export type SsoIdentity = typeof ssoIdentities.$inferSelect;

export const SSO_REQUEST_PURPOSES = ['signin', 'test'] as const;

/**
 * A sign-in begun here and not yet answered: the OIDC `state` (with its nonce and PKCE verifier) or
 * the SAML request id that the answer's InResponseTo must name. Consumed once.
 */
export const ssoRequests = sqliteTable(
  'sso_requests',
  {
    id: text('id').primaryKey(),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: SSO_REQUEST_PURPOSES }).notNull(),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    nextPath: text('next_path'),
    createdAt: integer('created_at').notNull(), // epoch ms
    expiresAt: integer('expires_at').notNull(), // epoch ms
    consumedAt: integer('consumed_at'), // epoch ms
  },
  (t) => [index('sso_requests_expires').on(t.expiresAt)],
);

/** SAML assertion ids already accepted, kept until the assertion would have expired: a replay is refused. */
export const samlSeenAssertions = sqliteTable(
  'saml_seen_assertions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: integer('expires_at').notNull(), // epoch ms
  },
  (t) => [uniqueIndex('saml_seen_assertions_id').on(t.connectionId, t.assertionId)],
);

/**
 * The hand-over from a verified SSO answer to a session: a one-use secret (stored hashed) that the
 * sign-in provider exchanges for the session cookie within a minute.
 */
export const signInTickets = sqliteTable('sign_in_tickets', {
  id: text('id').primaryKey(), // sha-256 of the ticket
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  method: text('method', { enum: SIGN_IN_METHODS }).notNull(),
  connectionId: integer('connection_id').references(() => ssoConnections.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at').notNull(), // epoch ms
  expiresAt: integer('expires_at').notNull(), // epoch ms
  usedAt: integer('used_at'), // epoch ms
});

/** SCIM groups pushed by an IdP; their members' roles and departments follow the group mappings. */
export const scimGroups = sqliteTable(
  'scim_groups',
  {
    id: text('id').primaryKey(), // UUID, the SCIM resource id
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    createdAt: integer('created_at').notNull(), // epoch ms
    updatedAt: integer('updated_at').notNull(), // epoch ms
  },
  (t) => [uniqueIndex('scim_groups_name').on(t.connectionId, t.displayName)],
);

export const scimGroupMembers = sqliteTable(
  'scim_group_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: text('group_id')
      .notNull()
      .references(() => scimGroups.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex('scim_group_members_pair').on(t.groupId, t.userId),
    index('scim_group_members_user').on(t.userId),
  ],
);

/** An admin's invitation: the link carries a secret stored only hashed, and works once before it expires. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    tokenHash: text('token_hash').notNull(),
    invitedById: integer('invited_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(), // epoch ms
    expiresAt: integer('expires_at').notNull(), // epoch ms
    acceptedAt: integer('accepted_at'), // epoch ms
    acceptedUserId: integer('accepted_user_id').references(() => users.id),
    revokedAt: integer('revoked_at'), // epoch ms
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash), index('invitations_email').on(t.email)],
);
export type Invitation = typeof invitations.$inferSelect;
