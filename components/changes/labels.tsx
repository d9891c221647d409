import type { ChangeRequestListRow } from '@/lib/changes/list.server';
import { CHANGE_STATUS_COLOUR } from '@/components/ui/status-colours';
import { CHANGE_REQUEST_STATUS_LABEL, MODE_LABEL, URGENCY_LABEL } from '@/lib/changes/labels';

export { MODE_LABEL, URGENCY_LABEL };

type ChangeRequestStatus = ChangeRequestListRow['status'];

/**
 * Words (and the one colour language) for change requests, shared by the list, the page and the
 * raise form. Types come through lib/ (type-only), so no db/ or server code reaches the browser.
 */

/** A change request's page (lib/changes/common.server.ts changePath is server-only). */
export const changeRequestHref = (id: number) => `/changes/${id}`;

export const URGENCY_OPTIONS = [
  { value: 'high', label: 'High' },
  { value: 'critical', label: 'Critical' },
];
export const RESPONSE_LABEL = { assent: 'Assent', dissent: 'Dissent' } as const;

const STATUS_LABEL = CHANGE_REQUEST_STATUS_LABEL;

export const CHANGE_STATUS_LABEL = (status: ChangeRequestStatus) => STATUS_LABEL[status];

export function ChangeStatusBadge({ status }: { status: ChangeRequestStatus }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${CHANGE_STATUS_COLOUR[status]}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** Urgency in words; critical stands out (with the word, never colour alone). */
export function UrgencyBadge({ urgency }: { urgency: keyof typeof URGENCY_LABEL }) {
  const className =
    urgency === 'critical'
      ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200'
      : 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200';
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${className}`}>
      {URGENCY_LABEL[urgency]}
    </span>
  );
}

/** "A, B and C". */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
