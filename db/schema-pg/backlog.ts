import { pgTable, text, integer, boolean, doublePrecision, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import {
  CADENCES,
  CYCLE_STATUSES,
  ITEM_STATUSES,
  KINDS,
  SCORING_MODELS,
  SIZES,
  type SizeWeeks,
} from '../schema/backlog';
import { departments, modules, users } from './people';

export const cycles = pgTable('cycles', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull().unique(),
  cadence: text('cadence', { enum: CADENCES }).notNull(),
  startsOn: text('starts_on').notNull(), // YYYY-MM-DD
  endsOn: text('ends_on').notNull(),
  capacityWeeks: doublePrecision('capacity_weeks').notNull(),
  /** Person-weeks per t-shirt size, set per cycle by the pm. */
  sizeWeeks: jsonb('size_weeks').$type<SizeWeeks>().notNull(),
  status: text('status', { enum: CYCLE_STATUSES }).notNull().default('planning'),
  /** Which scoring model the cycle uses (SCORING_MODELS); 'none' by default. */
  scoringModel: text('scoring_model', { enum: SCORING_MODELS }).notNull().default('none'),
  /** Target share of capacity for non-functional and tech-debt work, in percent; null when not set. */
  nfrTargetPercent: integer('nfr_target_percent'),
  /** Whether the admin lets this cycle's published titles and themes appear on read-only roadmap links. */
  sharedOnRoadmap: boolean('shared_on_roadmap').notNull().default(false),
  createdAt: text('created_at').notNull(),
});
export type Cycle = typeof cycles.$inferSelect;

export const themes = pgTable(
  'themes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyOutcome: text('key_outcome').notNull(),
    /** A measurable key outcome: what is measured, in which unit, from where to where. All optional. */
    metricName: text('metric_name'),
    metricUnit: text('metric_unit'),
    metricBaseline: doublePrecision('metric_baseline'),
    metricTarget: doublePrecision('metric_target'),
    /** The value measured when the cycle is reviewed. */
    metricActual: doublePrecision('metric_actual'),
    position: integer('position').notNull(),
  },
  (t) => [index('themes_cycle').on(t.cycleId, t.position)],
);
export type Theme = typeof themes.$inferSelect;

export const items = pgTable(
  'items',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** Null while the item is a request that has not been triaged into a cycle. */
    cycleId: integer('cycle_id').references(() => cycles.id),
    themeId: integer('theme_id').references(() => themes.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    businessBenefit: text('business_benefit').notNull().default(''),
    /** Either a t-shirt size (weeks from the cycle's table) or an explicit number of weeks. */
    estimateSize: text('estimate_size', { enum: SIZES }),
    estimateWeeks: doublePrecision('estimate_weeks'),
    sme: text('sme').notNull().default(''),
    /** The SME when they are a person in Quorum; null when `sme` is free text for someone outside it. */
    smeUserId: integer('sme_user_id').references(() => users.id),
    sponsorId: integer('sponsor_id').references(() => users.id),
    /** Free text a requestor suggests; the pm turns it into sponsorId when triaging. */
    sponsorSuggestion: text('sponsor_suggestion').notNull().default(''),
    requestorId: integer('requestor_id')
      .notNull()
      .references(() => users.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    kind: text('kind', { enum: KINDS }).notNull().default('feature'),
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('submitted'),
    decisionReason: text('decision_reason'),
    rank: text('rank'),
    targetPeriod: text('target_period'),
    /** The question triage sent back with the request (status needs_info), until it is resubmitted. */
    infoRequest: text('info_request'),
    /** The surviving item this one was merged into (status merged). */
    mergedIntoId: integer('merged_into_id'),
    /** Person-weeks actually spent, recorded at delivery, next to the estimate. */
    actualWeeks: doublePrecision('actual_weeks'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('items_cycle').on(t.cycleId),
    index('items_requestor').on(t.requestorId),
    index('items_status').on(t.status),
  ],
);
export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;

export const itemModules = pgTable(
  'item_modules',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    moduleId: integer('module_id')
      .notNull()
      .references(() => modules.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.moduleId] }), index('item_modules_module').on(t.moduleId)],
);
