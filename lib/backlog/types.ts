import type { ItemStatus, Kind, Size, SizeWeeks } from '@/db/schema';
import type { Score } from '@/lib/scoring/formulas';

/** One row of the backlog table: what the client needs, nothing more (5,000 of them ship at once). */
export type BacklogRow = {
  id: number;
  version: number;
  title: string;
  status: ItemStatus;
  kind: Kind;
  themeId: number | null;
  themeName: string | null;
  departmentId: number;
  departmentName: string;
  moduleIds: number[];
  moduleNames: string[];
  estimateSize: Size | null;
  estimateWeeks: number | null;
  /** Person-weeks after applying the cycle's size table; null when not estimated. */
  effectiveWeeks: number | null;
  sponsorName: string | null;
  requestorName: string;
  sme: string;
  hasBenefit: boolean;
  /** Under the cycle's scoring model; absent when it has none. */
  score?: Score;
};

/**
 * What the JSON route sends per item: ids instead of names (the names travel once, in BacklogMeta),
 * which keeps 5,000 rows around 1 MB. The client expands each into a BacklogRow (lib/backlog/rows.ts).
 */
export type BacklogWireRow = {
  id: number;
  version: number;
  title: string;
  status: ItemStatus;
  kind: Kind;
  themeId: number | null;
  departmentId: number;
  moduleIds: number[];
  estimateSize: Size | null;
  estimateWeeks: number | null;
  sponsorId: number | null;
  requestorId: number;
  sme: string;
  hasBenefit: boolean;
};

export type Option = { id: number; name: string };

export type BacklogMeta = {
  cycleId: number;
  cycleName: string;
  capacityWeeks: number;
  /** The cycle's target share of capacity for non-functional work, in percent; null or absent: none. */
  nfrTargetPercent?: number | null;
  sizeWeeks: SizeWeeks;
  themes: Option[];
  departments: Option[];
  modules: Option[];
  /** Names of everyone who can appear as sponsor or requestor. */
  people: Option[];
  /** The names of the people among the cycle's SMEs written as e-mails (lib/users/sme.ts). */
  smeNames: Record<string, string>;
  /** The cycle's scoring model and each item's score (lib/scoring); absent when it has no model. */
  scoring?: { modelName: string; scores: Record<number, Score> };
  /** What the viewer may edit inline. */
  canEdit: { estimate: boolean; theme: boolean; status: boolean };
};

/** Inline edits the table may send; the server validates each against the item and the viewer. */
export type InlineEdit =
  | { field: 'estimate'; value: string } // "M", "2.5" or "" to clear
  | { field: 'theme'; value: number | null }
  | { field: 'status'; value: ItemStatus };

export type InlineEditResult = { ok: true; row: BacklogRow } | { ok: false; error: string; row?: BacklogRow };
