// The PostgreSQL twin of db/schema/integrations.ts, where each table is explained.
import { pgTable, text, integer, bigint, boolean, jsonb, index, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import { IMPORT_SOURCES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_FORMATS } from '../schema/integrations';
import { cycles, items } from './backlog';
import { users } from './people';

export const imports = pgTable(
  'imports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    source: text('source', { enum: IMPORT_SOURCES }).notNull(),
    fileName: text('file_name').notNull().default(''),
    itemCount: integer('item_count').notNull(),
    skippedCount: integer('skipped_count').notNull().default(0),
    /** Ids of the themes, departments and modules the import created: { themes: [], departments: [], modules: [] }. */
    created: jsonb('created').$type<Record<string, number[]>>().notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    undoneAt: bigint('undone_at', { mode: 'number' }), // epoch ms
    undoneById: integer('undone_by_id').references(() => users.id),
  },
  (t) => [index('imports_cycle').on(t.cycleId, t.id)],
);
export type ImportRecord = typeof imports.$inferSelect;

export const importItems = pgTable(
  'import_items',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    /** The row of the file (1 = first data row) the item came from. */
    sourceRow: integer('source_row').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.itemId] }), index('import_items_item').on(t.itemId)],
);

export const importHeaderMappings = pgTable('import_header_mappings', {
  headerKey: text('header_key').primaryKey(),
  field: text('field').notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(), // epoch ms
  updatedById: integer('updated_by_id').references(() => users.id),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(), // epoch ms
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    lastUsedAt: bigint('last_used_at', { mode: 'number' }), // epoch ms
    revokedAt: bigint('revoked_at', { mode: 'number' }), // epoch ms
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    windowStart: bigint('window_start', { mode: 'number' }).notNull(), // epoch ms
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const webhooks = pgTable('webhooks', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  format: text('format', { enum: WEBHOOK_FORMATS }).notNull().default('json'),
  /** Public event names, e.g. item.created, item.decided, outcome.published. */
  eventTypes: jsonb('event_types').$type<string[]>().notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  active: boolean('active').notNull().default(true),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(), // epoch ms
});
export type Webhook = typeof webhooks.$inferSelect;

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    // No foreign key: the events table is append-only, and a reference to it would stop PostgreSQL's TRUNCATE
    // from reaching the trigger that refuses it with its own message.
    eventId: integer('event_id'),
    eventType: text('event_type').notNull(),
    /** The JSON body as sent, built when the event happened. */
    payload: text('payload').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(), // epoch ms
    claimedAt: bigint('claimed_at', { mode: 'number' }), // epoch ms
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(), // epoch ms
    deliveredAt: bigint('delivered_at', { mode: 'number' }), // epoch ms
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook').on(t.webhookId, t.id),
    uniqueIndex('webhook_deliveries_event').on(t.webhookId, t.eventId),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: bigint('at', { mode: 'number' }).notNull(), // epoch ms
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.id)],
);
