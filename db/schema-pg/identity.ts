// The PostgreSQL twin of db/schema/identity.ts, where each table is explained.
import { pgTable, text, integer, bigint, boolean, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES, SIGN_IN_METHODS } from '../schema/people';
import { SSO_PROTOCOLS, SSO_REQUEST_PURPOSES } from '../schema/identity';
import { departments, users } from './people';

export const ssoConnections = pgTable('sso_connections', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  protocol: text('protocol', { enum: SSO_PROTOCOLS }).notNull(),
  enabled: boolean('enabled').notNull().default(false),
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  secretCiphertext: text('secret_ciphertext'),
  scimTokenHash: text('scim_token_hash'),
  scimTokenCreatedAt: bigint('scim_token_created_at', { mode: 'number' }), // epoch ms
  // People of the connection's domains may not use a password once this is on.
  enforced: boolean('enforced').notNull().default(false),
  allowIdpInitiated: boolean('allow_idp_initiated').notNull().default(false),
  // What the last "Test this connection" received: the claims or attributes, or why it failed.
  lastTest: jsonb('last_test').$type<Record<string, unknown>>(),
  lastTestedAt: bigint('last_tested_at', { mode: 'number' }), // epoch ms
  createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(), // epoch ms
});
export type SsoConnection = typeof ssoConnections.$inferSelect;

export const ssoDomains = pgTable(
  'sso_domains',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(), // lower case, no @
  },
  (t) => [uniqueIndex('sso_domains_domain').on(t.domain), index('sso_domains_connection').on(t.connectionId)],
);

export const ssoGroupMappings = pgTable(
  'sso_group_mappings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    groupName: text('group_name').notNull(),
    role: text('role', { enum: ROLES }),
    departmentId: integer('department_id').references(() => departments.id),
  },
  (t) => [uniqueIndex('sso_group_mappings_group').on(t.connectionId, t.groupName)],
);

export const ssoIdentities = pgTable(
  'sso_identities',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    groups: jsonb('groups').$type<string[]>().notNull().default([]),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    lastSignInAt: bigint('last_sign_in_at', { mode: 'number' }), // epoch ms
  },
  (t) => [
    uniqueIndex('sso_identities_subject').on(t.connectionId, t.subject),
    uniqueIndex('sso_identities_scim_id').on(t.scimId),
    index('sso_identities_user').on(t.userId),
  ],
);
export type SsoIdentity = typeof ssoIdentities.$inferSelect;

export const ssoRequests = pgTable(
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
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(), // epoch ms
    consumedAt: bigint('consumed_at', { mode: 'number' }), // epoch ms
  },
  (t) => [index('sso_requests_expires').on(t.expiresAt)],
);

export const samlSeenAssertions = pgTable(
  'saml_seen_assertions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(), // epoch ms
  },
  (t) => [uniqueIndex('saml_seen_assertions_id').on(t.connectionId, t.assertionId)],
);

export const signInTickets = pgTable('sign_in_tickets', {
  id: text('id').primaryKey(), // sha-256 of the ticket
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  method: text('method', { enum: SIGN_IN_METHODS }).notNull(),
  connectionId: integer('connection_id').references(() => ssoConnections.id, { onDelete: 'cascade' }),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(), // epoch ms
  usedAt: bigint('used_at', { mode: 'number' }), // epoch ms
});

export const scimGroups = pgTable(
  'scim_groups',
  {
    id: text('id').primaryKey(), // UUID, the SCIM resource id
    connectionId: integer('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(), // epoch ms
  },
  (t) => [uniqueIndex('scim_groups_name').on(t.connectionId, t.displayName)],
);

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

export const invitations = pgTable(
  'invitations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(), // epoch ms
    acceptedAt: bigint('accepted_at', { mode: 'number' }), // epoch ms
    acceptedUserId: integer('accepted_user_id').references(() => users.id),
    revokedAt: bigint('revoked_at', { mode: 'number' }), // epoch ms
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash), index('invitations_email').on(t.email)],
);
export type Invitation = typeof invitations.$inferSelect;
