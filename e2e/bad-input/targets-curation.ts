import type { BadInputTarget } from './targets';

/**
 * Bad input for curation: merging a duplicate, declining a request or asking its requestor a
 * question, and resubmitting it. A merge's per-field choices default to the survivor's version, so
 * leaving one out is a valid merge, not bad input: only its ids and versions are listed.
 */
export const CURATION_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action mergeItemsAction',
    from: 'two curated items of one cycle',
    as: 'pm',
    kinds: { survivorId: 'id', mergedId: 'id', survivorVersion: 'ver', mergedVersion: 'ver' },
  },
  {
    target: 'action declineRequestAction',
    from: 'a new request',
    as: 'pm',
    kinds: { itemId: 'id', version: 'ver', reason: 'text' },
  },
  {
    target: 'action askForInformationAction',
    from: 'a new request',
    as: 'pm',
    kinds: { itemId: 'id', version: 'ver', question: 'text' },
  },
  {
    target: 'action resubmitRequestAction',
    from: 'their own request sent back',
    as: 'requestor',
    kinds: { itemId: 'id', version: 'ver', title: 'line', description: 'text', departmentId: 'id' },
  },
];
