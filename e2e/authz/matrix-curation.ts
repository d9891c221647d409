/** The matrix's curation targets: merging duplicates, triage's decline and question, resubmitting. */
import { allow, MANAGERS, SIGNED_IN, str, type Row } from './rows';
import { cycle, item, meOr, type Scene } from './scene';

/** Two curated items of a new cycle: a pair to merge. */
async function pair(s: Scene) {
  const c = await cycle(s);
  return [await item(s, { cycleId: c.id }), await item(s, { cycleId: c.id })] as const;
}

/** A new request waiting for triage, and the fields a triage answer sends for it. */
async function waiting(s: Scene) {
  const it = await item(s, { cycleId: null, status: 'submitted' });
  return { it, fields: { itemId: str(it.id), version: str(it.version) } };
}

/** A request sent back with a question, requested by `requestor`, and the fields that resubmit it. */
async function sentBack(s: Scene, mine: boolean) {
  const requestor = mine ? await meOr(s, 'requestor') : undefined;
  const it = await item(s, { cycleId: null, status: 'needs_info', requestor });
  return {
    action: 'resubmitRequestAction',
    fields: {
      itemId: str(it.id),
      version: str(it.version),
      title: s.world.named('Answered request'),
      description: 'With the answer.',
      departmentId: str(it.departmentId),
    },
    from: `/requests/${it.id}`,
  };
}

export const CURATION_ROWS: Row[] = [
  {
    target: 'page /items/[id]/merge',
    case: 'a curated item and a duplicate of its cycle',
    call: async (s) => {
      const [a, b] = await pair(s);
      return { page: `/items/${a.id}/merge?other=${b.id}&survivor=${a.id}&review=1` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action mergeItemsAction',
    case: 'two curated items of one cycle',
    call: async (s) => {
      const [a, b] = await pair(s);
      return {
        action: 'mergeItemsAction',
        fields: {
          survivorId: str(a.id),
          mergedId: str(b.id),
          survivorVersion: str(a.version),
          mergedVersion: str(b.version),
          description: 'merged',
        },
        from: `/items/${a.id}/merge`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action declineRequestAction',
    case: 'a new request',
    call: async (s) => {
      const { it, fields } = await waiting(s);
      return {
        action: 'declineRequestAction',
        fields: { ...fields, reason: 'Out of scope.' },
        from: `/triage/${it.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action askForInformationAction',
    case: 'a new request',
    call: async (s) => {
      const { it, fields } = await waiting(s);
      return {
        action: 'askForInformationAction',
        fields: { ...fields, question: 'Who needs it?' },
        from: `/triage/${it.id}`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action resubmitRequestAction',
    case: 'their own request sent back',
    call: (s) => sentBack(s, true),
    expect: allow(SIGNED_IN, 'forbidden'),
  },
  {
    target: 'action resubmitRequestAction',
    case: "someone else's request sent back",
    call: (s) => sentBack(s, false),
    expect: allow(MANAGERS, 'forbidden'),
  },
];
