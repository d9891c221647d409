import Link from '@/components/ui/link';
import type { ChangeRequestDetail } from '@/lib/changes/details.server';
import { overrunsText, type CapacityOverrun } from '@/lib/changes/capacity';
import { LocalTime } from '@/components/items/item-history';
import { MODE_LABEL, URGENCY_LABEL, changeRequestHref } from './labels';

/**
 * The request's history, oldest first: raised, convened, every response (a replaced one says so),
 * closed, decided. Read from its `cr.*` events, so nothing said in a session is ever lost.
 */

type LogEvent = ChangeRequestDetail['log'][number];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const overCapacity = (confirmed: unknown) =>
  Array.isArray(confirmed) && confirmed.length > 0
    ? `, confirming it goes over capacity: ${overrunsText(confirmed as CapacityOverrun[])}`
    : '';
const verb = (response: unknown) => (response === 'dissent' ? 'dissented' : 'assented');

function describe(e: LogEvent): React.ReactNode {
  const d = e.data;
  switch (e.type) {
    case 'cr.raised':
      return (
        <>
          raised the change request (
          {URGENCY_LABEL[d.urgency as keyof typeof URGENCY_LABEL]?.toLowerCase() ?? str(d.urgency)} urgency)
          {d.createdItem ? ', with a new item' : ''}
          {overCapacity(d.overCapacity)}
        </>
      );
    case 'cr.session_convened':
      return (
        <>
          convened {d.reconvened ? 'a new round of ' : ''}the session (
          {MODE_LABEL[d.mode as keyof typeof MODE_LABEL] ?? str(d.mode)}). {str(d.rule)}
        </>
      );
    case 'cr.response': {
      const replaces = d.replaces as { response?: string; comment?: string } | null;
      return (
        <>
          {verb(d.response)}
          {str(d.comment) && <>: “{str(d.comment)}”</>}
          {replaces && (
            <span className="text-zinc-500 dark:text-zinc-400">
              {' '}
              (replaces their earlier response: {replaces.response ?? ''}
              {replaces.comment ? `, “${replaces.comment}”` : ''})
            </span>
          )}
        </>
      );
    }
    case 'cr.amended': {
      const responses = Array.isArray(d.earlierResponses) ? d.earlierResponses.length : 0;
      return (
        <>
          amended the request after a dissent and opened round {String(d.round)}; the {responses} response
          {responses === 1 ? '' : 's'} of round {Number(d.round) - 1} stay on record
          {overCapacity((d.after as { overCapacity?: unknown } | undefined)?.overCapacity)}
        </>
      );
    }
    case 'cr.session_closed':
      return <>closed the session. {str(d.explanation)}</>;
    case 'cr.approved':
      return (
        <>
          approved it{d.ruleMet === false ? ' against the rule' : ''}. {str(d.explanation)}
          {str(d.justification) && <> Justification: “{str(d.justification)}”</>}
        </>
      );
    case 'cr.declined':
      return <>declined it: “{str(d.reason)}”</>;
    case 'cr.withdrawn':
      return <>withdrew it{str(d.reason) && <>: “{str(d.reason)}”</>}</>;
    case 'cr.needs_review':
      return (
        <>
          marked it as needing review:{' '}
          <Link href={changeRequestHref(Number(d.causedBy))}>
            change request #{String(d.causedBy)} “{str(d.causedByTitle)}”
          </Link>{' '}
          was approved and moves the same items
        </>
      );
    default:
      return e.type;
  }
}

export async function EventLog({ log }: { log: ChangeRequestDetail['log'] }) {
  return (
    <section aria-labelledby="log-heading" className="space-y-2">
      <h2 id="log-heading" className="text-lg font-semibold">
        History
      </h2>
      {log.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing recorded yet.</p>
      ) : (
        <ol className="space-y-2 border-l border-zinc-200 pl-4 text-sm dark:border-zinc-700">
          {log.map((e) => (
            <li key={e.id}>
              <span className="font-medium">{e.actorName ?? 'Quorum'}</span>
              <span className="text-zinc-500 dark:text-zinc-400">
                {' '}
                · <LocalTime iso={e.at} /> ·{' '}
              </span>
              {describe(e)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
