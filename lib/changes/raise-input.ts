/**
 * The raise form's flat fields → the input lib/changes expects (ProposalSchema beside the new
 * item's ItemFieldsSchema). Pure and shared: the browser builds the preview request with it and
 * the server action the submission, so what is previewed is exactly what is raised.
 *
 * Flat names (so a refused submit can echo them back as FormState.values):
 * `incoming` ('new' | 'deferred'), `incomingItemId`, `incomingPosition`, `incomingPeriodId`,
 * `change-<itemId>` ('none' | 'out' | 'later'), `later-<itemId>` (a period id), `whyNow`, `urgency`,
 * `confirmOverCapacity` (a checkbox) and the new item's fields.
 */

export const NEW_ITEM_FIELDS = [
  'title',
  'description',
  'businessBenefit',
  'estimate',
  'sme',
  'sponsorId',
  'departmentId',
  'themeId',
  'kind',
] as const;

export const DEFERRED_MISSING = 'Choose the deferred item that comes in.';

export type FlatValues = Record<string, string>;

/** FormData (single values) as a plain record; `$ACTION…` keys are Next's own. */
export function flatValues(form: FormData): FlatValues {
  const out: FlatValues = {};
  for (const [key, value] of form.entries())
    if (typeof value === 'string' && !key.startsWith('$ACTION')) out[key] = value;
  return out;
}

/** A deferred item is chosen as what comes in, but which one is not (lib would read it as a new item). */
export const deferredNotChosen = (v: FlatValues) => v.incoming === 'deferred' && !v.incomingItemId;

/** The proposal's own fields (what an amendment may change): where it goes, what moves, why now, urgency. */
export function proposalInput(v: FlatValues): Record<string, unknown> {
  const displaced: { itemId: number; action: 'out' | 'later'; toPeriodId?: string }[] = [];
  for (const [key, action] of Object.entries(v)) {
    const match = /^change-(\d+)$/.exec(key);
    if (!match || (action !== 'out' && action !== 'later')) continue;
    displaced.push(
      action === 'later'
        ? { itemId: Number(match[1]), action, toPeriodId: v[`later-${match[1]}`] ?? '' }
        : { itemId: Number(match[1]), action },
    );
  }
  return {
    whyNow: v.whyNow ?? '',
    urgency: v.urgency ?? '',
    incomingPosition: v.incomingPosition ?? '',
    incomingPeriodId: v.incomingPeriodId ?? '',
    displaced,
    confirmOverCapacity: v.confirmOverCapacity ?? '',
  };
}

/** The whole raise form: the proposal and what comes in (a deferred item, or the new item's fields). */
export function raiseInput(v: FlatValues): Record<string, unknown> {
  const deferred = v.incoming === 'deferred';
  const input: Record<string, unknown> = {
    ...proposalInput(v),
    incomingItemId: deferred ? (v.incomingItemId ?? '') : '',
  };
  if (!deferred) for (const field of NEW_ITEM_FIELDS) input[field] = v[field] ?? '';
  return input;
}
