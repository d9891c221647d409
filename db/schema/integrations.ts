import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cycles, items } from './backlog';
import { users } from './people';

export const IMPORT_SOURCES = ['csv', 'xlsx', 'paste'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/**
 * One backlog import into a cycle. The items it created are in import_items; what else it created
 * (themes, departments, modules that did not exist) is kept here so undoing it removes them too.
 */
export const imports = sqliteTable(
  'imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    created: text('created', { mode: 'json' }).$type<Record<string, number[]>>().notNull(),
    createdAt: integer('created_at').notNull(), // epoch ms
    undoneAt: integer('undone_at'), // epoch ms
    undoneById: integer('undone_by_id').references(() => users.id),
  },
  (t) => [index('imports_cycle').on(t.cycleId, t.id)],
);
export type ImportRecord = typeof imports.$inferSelect;

export const importItems = sqliteTable(
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

/**
 * What a spreadsheet header was mapped to the last time, so the next import suggests it again.
 * Keyed by the header folded to lower case letters and digits.
 */
export const importHeaderMappings = sqliteTable('import_header_mappings', {
  headerKey: text('header_key').primaryKey(),
  field: text('field').notNull(),
  updatedAt: integer('updated_at').notNull(), // epoch ms
  updatedById: integer('updated_by_id').references(() => users.id),
});

/**
 * A personal access token for the REST API. The secret is shown once and stored only hashed;
 * `prefix` is its first characters, so the owner can tell tokens apart.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    expiresAt: integer('expires_at').notNull(), // epoch ms
    createdAt: integer('created_at').notNull(), // epoch ms
    lastUsedAt: integer('last_used_at'), // epoch ms
    revokedAt: integer('revoked_at'), // epoch ms
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_user').on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/** Requests per token per fixed window, shared by every process through the database. */
export const apiRateWindows = sqliteTable(
  'api_rate_windows',
  {
    tokenId: integer('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    windowStart: integer('window_start').notNull(), // epoch ms
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A URL an admin registered for some public events; the signing secret is kept encrypted. */
export const webhooks = sqliteTable('webhooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  url: text('url').notNull(),
  format: text('format', { enum: WEBHOOK_FORMATS }).notNull().default('json'),
  /** Public event names, e.g. item.created, item.decided, outcome.published. */
  eventTypes: text('event_types', { mode: 'json' }).$type<string[]>().notNull(),
  secretCiphertext: text('secret_ciphertext').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdById: integer('created_by_id').references(() => users.id),
  createdAt: integer('created_at').notNull(), // epoch ms
  updatedAt: integer('updated_at').notNull(), // epoch ms
});
export type Webhook = typeof webhooks.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;

/**
 * One event to one webhook: the webhooks' outbox. Written in the same transaction as the event, so
 * an event is never lost nor sent without having happened; the worker claims a row (pending →
 * sending), posts it, and marks it delivered or schedules a retry. One row per (webhook, event):
 * a re-send puts the same row back to pending.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    nextAttemptAt: integer('next_attempt_at').notNull(), // epoch ms
    claimedAt: integer('claimed_at'), // epoch ms
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(), // epoch ms
    deliveredAt: integer('delivered_at'), // epoch ms
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook').on(t.webhookId, t.id),
    uniqueIndex('webhook_deliveries_event').on(t.webhookId, t.eventId),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** Each try of a delivery: the receiver's status code (null when it never answered) and how long it took. */
export const webhookAttempts = sqliteTable(
  'webhook_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(), // epoch ms
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.id)],
);
