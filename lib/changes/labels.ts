import type { ChangeRequestStatus } from '@/db/schema';
import type { ChangeRequestListRow } from './list.server';

type Urgency = ChangeRequestListRow['urgency'];

/**
 * The words for a change request's status, urgency and session mode: the pages
 * (components/changes/labels.tsx) and the export (lib/export/changes.server.ts) say the same.
 */
export const CHANGE_REQUEST_STATUS_LABEL: Record<ChangeRequestStatus, string> = {
  open: 'Open',
  in_session: 'In session',
  needs_review: 'Needs review',
  approved: 'Approved',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const URGENCY_LABEL: Record<Urgency, string> = { high: 'High', critical: 'Critical' };
export const MODE_LABEL = { live: 'Live', async: 'Asynchronous' } as const;
