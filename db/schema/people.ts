import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['admin', 'pm', 'leader', 'engineer', 'requestor'] as const;
export type Role = (typeof ROLES)[number];

/** How a person signed in, as the admin's people list shows it. */
export const SIGN_IN_METHODS = ['password', 'break_glass', 'oidc', 'saml'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * An archived department stays on the people and items that have it, but is offered for nothing new.
 * A merged one is archived too, and names the department that took its people and items.
 */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  archivedAt: integer('archived_at'), // epoch ms
  mergedIntoId: integer('merged_into_id'),
});
export type Department = typeof departments.$inferSelect;

/** Archived and merged as departments are. */
export const modules = sqliteTable('modules', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  archivedAt: integer('archived_at'), // epoch ms
  mergedIntoId: integer('merged_into_id'),
});
export type Module = typeof modules.$inferSelect;

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('requestor'),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    passwordHash: text('password_hash'),
    createdAt: text('created_at').notNull(),
    // An IANA zone (e.g. Europe/Paris) every time shown to this person is given in; null: the company's default.
    timeZone: text('time_zone'),
    lastSignInAt: integer('last_sign_in_at'), // epoch ms
    lastSignInMethod: text('last_sign_in_method', { enum: SIGN_IN_METHODS }),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed sign-ins per e-mail and client address, used to slow down password guessing (decision 11). */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    // The client's address as lib/auth/throttle.ts derives it; '' for rows from before it was kept.
    client: text('client').notNull().default(''),
    at: integer('at').notNull(), // epoch ms
  },
  (t) => [
    index('login_attempts_email_client_at').on(t.email, t.client, t.at),
    index('login_attempts_client_at').on(t.client, t.at),
    index('login_attempts_at').on(t.at),
  ],
);
