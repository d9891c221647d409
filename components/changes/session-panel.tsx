import type { ChangeRequestDetail } from '@/lib/changes/details.server';
import { LocalTime } from '@/components/items/item-history';
import { MeetingTime } from '@/components/meetings/meeting-time';
import { MODE_LABEL, RESPONSE_LABEL, listWords } from './labels';
import { ScrollBox } from '@/components/ui/scroll-box';

/**
 * The emergency session as everyone sees it: the decision rule in words first, then
 * how the session runs (mode, deadline in the viewer's zone), every invited leader's current
 * response and comment, and where the rule stands. Replaced responses are in the history below.
 */

type Session = NonNullable<ChangeRequestDetail['session']>;
type Evaluation = NonNullable<ChangeRequestDetail['evaluation']>;

function Verdict({ evaluation, invitees }: { evaluation: Evaluation; invitees: ChangeRequestDetail['invitees'] }) {
  const vetoers = invitees.filter((i) => evaluation.vetoedBy.includes(i.userId)).map((i) => i.name);
  return (
    <div className="space-y-1 text-sm">
      <dl className="grid gap-x-4 gap-y-1 grid-cols-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Responded</dt>
        <dd>
          {evaluation.responded} of {evaluation.invited} — quorum {evaluation.quorumMet ? 'met' : 'not met yet'}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Assent / dissent</dt>
        <dd>
          {evaluation.assent} assent, {evaluation.dissent} dissent —{' '}
          {evaluation.majorityMet ? 'a majority assents' : 'no majority for it'}
        </dd>
        {vetoers.length > 0 && (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Veto</dt>
            <dd>Vetoed by {listWords(vetoers)} (sponsor of a displaced item)</dd>
          </>
        )}
      </dl>
      {/* Polite live region: in a live session the verdict changes as responses arrive. */}
      <p
        aria-live="polite"
        className={`rounded-md px-3 py-2 font-medium ${evaluation.met ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100' : 'bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100'}`}
      >
        {evaluation.verdict.headline} <span className="font-normal">{evaluation.verdict.counts}</span>
      </p>
    </div>
  );
}

export function SessionPanel({
  session,
  invitees,
  evaluation,
}: {
  session: Session;
  invitees: ChangeRequestDetail['invitees'];
  evaluation: Evaluation | null;
}) {
  const liveNow = session.mode === 'live' && session.status === 'open';
  return (
    <section
      aria-labelledby="session-heading"
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h2 id="session-heading" className="text-lg font-semibold">
        Emergency session
      </h2>
      <div className="rounded-md border-l-4 border-indigo-500 bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-950/40">
        <p className="font-medium">Decision rule</p>
        <p>{session.ruleText}</p>
      </div>
      {liveNow && (
        <p className="text-sm font-medium text-emerald-800 dark:text-emerald-200">
          The session is live: responses appear here on every screen as they arrive.
        </p>
      )}
      <dl className="grid gap-x-4 gap-y-1 text-sm grid-cols-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Mode</dt>
        <dd>{MODE_LABEL[session.mode]}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Status</dt>
        <dd>
          {session.status === 'open' ? (
            'Open: responses are taken'
          ) : (
            <>
              Closed
              {session.closedAt && (
                <>
                  {' '}
                  on <LocalTime iso={session.closedAt} />
                </>
              )}
            </>
          )}
        </dd>
        {session.deadline && (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">Deadline</dt>
            <dd>
              <MeetingTime iso={session.deadline} />
              {session.deadlinePassed && (
                <strong className="font-medium text-amber-900 dark:text-amber-200"> — passed</strong>
              )}
            </dd>
          </>
        )}
        <dt className="text-zinc-500 dark:text-zinc-400">Convened</dt>
        <dd>
          by {session.convenedBy.name} on <LocalTime iso={session.convenedAt} />
        </dd>
      </dl>

      <ScrollBox
        label="Invited leaders and their responses"
        className="rounded-md border border-zinc-200 dark:border-zinc-800"
      >
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-1.5 text-left text-sm font-medium">Invited leaders and their responses</caption>
          <thead className="border-y border-zinc-200 text-xs uppercase tracking-wide text-zinc-500 dark:text-zinc-400 dark:border-zinc-800">
            <tr>
              <th scope="col" className="px-3 py-2">
                Leader
              </th>
              <th scope="col" className="px-3 py-2">
                Response
              </th>
              <th scope="col" className="px-3 py-2">
                Comment
              </th>
              <th scope="col" className="px-3 py-2">
                When
              </th>
            </tr>
          </thead>
          <tbody>
            {invitees.map((i) => (
              <tr key={i.userId} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800/70">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {i.name}
                  <span className="block text-xs font-normal text-zinc-500 dark:text-zinc-400">
                    {i.departmentName}
                    {i.sponsorsDisplaced ? ' · sponsors a displaced item' : ''}
                  </span>
                </th>
                <td className="px-3 py-2">
                  {i.response ? (
                    <span
                      className={
                        i.response === 'assent'
                          ? 'text-emerald-800 dark:text-emerald-200'
                          : 'text-red-800 dark:text-red-300'
                      }
                    >
                      {RESPONSE_LABEL[i.response]}
                    </span>
                  ) : (
                    <span className="text-zinc-500 dark:text-zinc-400">No response yet</span>
                  )}
                </td>
                <td className="whitespace-pre-wrap px-3 py-2">{i.comment || (i.response ? '—' : '')}</td>
                <td className="px-3 py-2">{i.at ? <LocalTime iso={i.at} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {evaluation && <Verdict evaluation={evaluation} invitees={invitees} />}
    </section>
  );
}
