import { z } from 'zod';
import { ValidationError } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation';
import type { BacklogMeta } from '@/lib/backlog/types';
import {
  COLUMN_IDS,
  GROUP_BY,
  KINDS,
  SEARCH_MAX,
  STATUSES,
  type BacklogView,
  type ColumnId,
  type IdFilter,
} from '@/lib/backlog/view';

/**
 * The backlog table's view as the export link carries it (the page's own query string, see
 * components/backlog/url-state.ts). The page quietly drops what it does not understand; a download
 * is a request of its own, so here a bad value is a 400 naming the parameter, rather than a file
 * that silently holds more than was asked for. Parameters that are not part of the view are ignored.
 */

const id = z.string().regex(/^[1-9]\d{0,9}$/, 'Must be the id of one of the choices (a positive whole number).');
const idOrNone = z.union([z.literal('none'), id], {
  error: 'Must be "none" or the id of one of the choices.',
});
const list = (values: readonly string[]) => `one of ${values.join(', ')}`;

const QuerySchema = z.object({
  q: z.string().max(SEARCH_MAX, `The search must be at most ${SEARCH_MAX} characters.`).optional(),
  theme: idOrNone.optional(),
  dept: id.optional(),
  kind: z.enum(KINDS, { error: `Must be ${list(KINDS)}.` }).optional(),
  status: z.enum(STATUSES, { error: `Must be ${list(STATUSES)}.` }).optional(),
  module: idOrNone.optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^-?(${COLUMN_IDS.join('|')})$`),
      `Must be a column (${list(COLUMN_IDS)}), with a leading "-" for descending.`,
    )
    .optional(),
  group: z.enum(GROUP_BY, { error: `Must be ${list(GROUP_BY)}.` }).optional(),
  // Hidden columns change what the screen shows, not what the file holds: checked, then ignored.
  hide: z
    .string()
    .max(200)
    .refine(
      (s) => s.split(',').every((c) => c.trim() === '' || (COLUMN_IDS as readonly string[]).includes(c.trim())),
      `Must be columns (${list(COLUMN_IDS)}) separated by commas.`,
    )
    .optional(),
});

const VIEW_KEYS = Object.keys(QuerySchema.shape);

/** A ValidationError whose message names the first bad parameter, so a 400 explains itself. */
function invalid(fieldErrors: Record<string, string[]>): ValidationError {
  const [field, messages] = Object.entries(fieldErrors)[0];
  return new ValidationError(fieldErrors, `The "${field}" parameter is not valid: ${messages[0]}`);
}

function toIdFilter(raw: string | undefined): IdFilter | null {
  return raw === undefined ? null : raw === 'none' ? 'none' : Number(raw);
}

/** Checks the shape of the view's parameters (before anything is read). */
export function parseViewQuery(params: URLSearchParams): BacklogView {
  const input: Record<string, string> = {};
  for (const key of VIEW_KEYS) {
    const all = params.getAll(key);
    if (all.length > 1) throw invalid({ [key]: ['Give this parameter once.'] });
    if (all.length === 1) input[key] = all[0];
  }
  const parsed = QuerySchema.safeParse(input);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const v = parsed.data;
  const desc = v.sort?.startsWith('-') ?? false;
  return {
    q: v.q ?? '',
    theme: toIdFilter(v.theme),
    dept: v.dept === undefined ? null : Number(v.dept),
    kind: v.kind ?? null,
    status: v.status ?? null,
    module: toIdFilter(v.module),
    sort: v.sort ? { id: (desc ? v.sort.slice(1) : v.sort) as ColumnId, desc } : null,
    group: v.group ?? null,
    hide: [],
  };
}

/** The view's ids must be the cycle's themes, a department and a module that exist. */
export function assertKnownIds(view: BacklogView, known: Pick<BacklogMeta, 'themes' | 'departments' | 'modules'>) {
  const unknown = (filter: IdFilter | null, options: { id: number }[]) =>
    typeof filter === 'number' && !options.some((o) => o.id === filter);
  if (unknown(view.theme, known.themes)) throw invalid({ theme: ['No theme of this cycle has this id.'] });
  if (unknown(view.dept, known.departments)) throw invalid({ dept: ['No department has this id.'] });
  if (unknown(view.module, known.modules)) throw invalid({ module: ['No module has this id.'] });
}
