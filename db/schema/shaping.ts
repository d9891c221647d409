import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cycles, items } from './backlog';
import { ROLES, users } from './people';

/**
 * Shaping the backlog before the meeting: a story map per cycle (activities and their steps across
 * the top, release slices as lanes, one card per item), scores from the people who own each input,
 * and what curation leaves behind (merged duplicates, and the people a merge adds to an item).
 */

/** A slice's role: the three every map starts with, and the pm's own. "This cycle" feeds the agenda. */
export const SLICE_ROLES = ['this_cycle', 'next', 'later', 'custom'] as const;
export type SliceRole = (typeof SLICE_ROLES)[number];

/** The slices every cycle's map starts with, top to bottom. */
export const DEFAULT_SLICES = [
  { name: 'This cycle', role: 'this_cycle' },
  { name: 'Next', role: 'next' },
  { name: 'Later', role: 'later' },
] as const satisfies readonly { name: string; role: SliceRole }[];

/** An activity on the map's backbone, left to right by position. */
export const mapActivities = sqliteTable(
  'map_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('map_activities_cycle').on(t.cycleId, t.position)],
);
export type MapActivity = typeof mapActivities.$inferSelect;

/** A step of an activity, left to right by position: the columns cards sit under. */
export const mapSteps = sqliteTable(
  'map_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    activityId: integer('activity_id')
      .notNull()
      .references(() => mapActivities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('map_steps_activity').on(t.activityId, t.position)],
);
export type MapStep = typeof mapSteps.$inferSelect;

/** A release slice: a horizontal lane, top to bottom by position. */
export const mapSlices = sqliteTable(
  'map_slices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: SLICE_ROLES }).notNull().default('custom'),
    position: integer('position').notNull(),
  },
  (t) => [index('map_slices_cycle').on(t.cycleId, t.position)],
);
export type MapSlice = typeof mapSlices.$inferSelect;

/**
 * Where an item sits on its cycle's map. No row, or a row with no step and slice, is the tray.
 * A culled card keeps its place so bringing it back puts it where it was.
 */
export const mapCards = sqliteTable(
  'map_cards',
  {
    itemId: integer('item_id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    stepId: integer('step_id').references(() => mapSteps.id, { onDelete: 'set null' }),
    sliceId: integer('slice_id').references(() => mapSlices.id, { onDelete: 'set null' }),
    /** Order inside its cell (step × slice), or inside the tray. */
    position: integer('position').notNull(),
    culledAt: text('culled_at'),
    cullReason: text('cull_reason'),
    culledBy: integer('culled_by').references(() => users.id),
    /** Moves say which version they saw, so a move of a card someone just changed is refused. */
    version: integer('version').notNull().default(1),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('map_cards_cycle').on(t.cycleId, t.sliceId, t.stepId)],
);
export type MapCard = typeof mapCards.$inferSelect;

/** Who fills each input of a cycle's scoring model (e.g. effort: engineer, value: leader). */
export const scoringInputOwners = sqliteTable(
  'scoring_input_owners',
  {
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    /** The input's key in its model, e.g. 'reach', 'confidence', 'job_size'. */
    input: text('input').notNull(),
    ownerRole: text('owner_role', { enum: ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.input] })],
);
export type ScoringInputOwner = typeof scoringInputOwners.$inferSelect;

/** One input of one item's score, as its owner last set it. */
export const itemScoreInputs = sqliteTable(
  'item_score_inputs',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    input: text('input').notNull(),
    value: real('value').notNull(),
    setBy: integer('set_by')
      .notNull()
      .references(() => users.id),
    setAt: text('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.input] })],
);
export type ItemScoreInput = typeof itemScoreInputs.$inferSelect;

/** A duplicate folded into a surviving item. Unique on the merged item: it can be merged once. */
export const itemMerges = sqliteTable(
  'item_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => items.id),
    mergedId: integer('merged_id')
      .notNull()
      .references(() => items.id),
    /** The names of the fields the survivor took from the merged item. */
    fieldsTaken: text('fields_taken', { mode: 'json' }).$type<string[]>().notNull(),
    mergedBy: integer('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: text('merged_at').notNull(),
  },
  (t) => [uniqueIndex('item_merges_merged').on(t.mergedId), index('item_merges_survivor').on(t.survivorId)],
);
export type ItemMerge = typeof itemMerges.$inferSelect;

export const CO_PERSON_ROLES = ['requestor', 'sponsor'] as const;
export type CoPersonRole = (typeof CO_PERSON_ROLES)[number];

/**
 * Requestors and sponsors an item gained beyond its own requestorId/sponsorId, from merged
 * duplicates: they follow the item as its requestor or sponsor would.
 */
export const itemCoPeople = sqliteTable(
  'item_co_people',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: CO_PERSON_ROLES }).notNull(),
    /** The merged item they came from. */
    viaItemId: integer('via_item_id').references(() => items.id),
    addedAt: text('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId, t.role] }), index('item_co_people_user').on(t.userId)],
);
export type ItemCoPerson = typeof itemCoPeople.$inferSelect;
