import type { BadInputTarget } from './targets';

/**
 * Bad input for delivery records. Links are one text box with a web address per line: every wrong
 * single line (a control character, a line break that leaves words, an oversize value) is no address.
 */
export const DELIVERY_RECORD_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action recordMilestoneAction',
    from: 'an item in delivery',
    as: 'engineer',
    kinds: { itemId: 'id', name: 'line', deliveredOn: 'date', releaseNotes: 'text?', links: 'line?' },
  },
  {
    target: 'action markDeliveredAction',
    from: 'an item in delivery',
    as: 'engineer',
    kinds: { itemId: 'id', deliveredOn: 'date', releaseNotes: 'text?', links: 'line?', actualWeeks: 'num?' },
  },
  { target: 'action undoDeliveryAction', from: 'a delivered item', as: 'pm', kinds: { recordId: 'id' } },
];
