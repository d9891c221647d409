import { pgTable, text, integer, bigint, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES, SIGN_IN_METHODS } from '../schema/people';

export const departments = pgTable('departments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  archivedAt: bigint('archived_at', { mode: 'number' }),
  mergedIntoId: integer('merged_into_id'),
});
export type Department = typeof departments.$inferSelect;

export const modules = pgTable('modules', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  archivedAt: bigint('archived_at', { mode: 'number' }),
  mergedIntoId: integer('merged_into_id'),
});
export type Module = typeof modules.$inferSelect;

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('requestor'),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash'),
    createdAt: text('created_at').notNull(),
    timeZone: text('time_zone'),
    lastSignInAt: bigint('last_sign_in_at', { mode: 'number' }),
    lastSignInMethod: text('last_sign_in_method', { enum: SIGN_IN_METHODS }),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed sign-ins per e-mail and client address, used to slow down password guessing. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    email: text('email').notNull(),
    // The client's address as lib/auth/throttle.ts derives it; '' for rows from before it was kept.
    client: text('client').notNull().default(''),
    // Epoch ms does not fit PostgreSQL's 32-bit integer; mode 'number' keeps it a JS number as in SQLite.
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('login_attempts_email_client_at').on(t.email, t.client, t.at),
    index('login_attempts_client_at').on(t.client, t.at),
    index('login_attempts_at').on(t.at),
  ],
);
