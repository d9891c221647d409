import type { ChangeRequestDetail } from '@/lib/changes/details.server';
import { LocalTime } from '@/components/items/item-history';
import { LinkButton } from '@/components/ui/button';
import { RESPONSE_LABEL } from './labels';

/**
 * Rounds of responses on a change request. The responses of the rounds before an amendment, kept on the record: what each leader said about
 * the request as it then stood. Only the current round counts towards the rule.
 */
export function EarlierRounds({
  rounds,
  currentRound,
}: {
  rounds: ChangeRequestDetail['earlierRounds'];
  currentRound: number;
}) {
  if (rounds.length === 0) return null;
  return (
    <section
      aria-labelledby="earlier-rounds-heading"
      className="space-y-3 rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <h2 id="earlier-rounds-heading" className="text-lg font-semibold">
        Earlier rounds
      </h2>
      <p className="text-zinc-600 dark:text-zinc-400">
        The request was amended after a dissent; round {currentRound} is the one the rule counts. What was said before
        stays on record.
      </p>
      {rounds.map((round) => (
        <div key={round.round} className="space-y-1">
          <h3 className="font-semibold">
            Round {round.round}{' '}
            <span className="font-normal text-zinc-600 dark:text-zinc-400">
              — closed when {round.amendedBy ?? 'the raiser'} amended the request on <LocalTime iso={round.amendedAt} />
            </span>
          </h3>
          {round.responses.length === 0 ? (
            <p>No responses.</p>
          ) : (
            <ul aria-label={`Responses in round ${round.round}`} className="space-y-0.5">
              {round.responses.map((r) => (
                <li key={r.userId}>
                  <span className="font-medium">{r.name}</span>: {RESPONSE_LABEL[r.response]}
                  {r.comment && <> — “{r.comment}”</>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

/** For the raiser, once a leader dissented: amending instead of declining and raising again. */
export function AmendPrompt({ changeRequestId, round }: { changeRequestId: number; round: number }) {
  return (
    <section
      aria-labelledby="amend-heading"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-800 dark:bg-amber-950/40"
    >
      <h2 id="amend-heading" className="text-lg font-semibold">
        Answer the dissent
      </h2>
      <p>
        A leader dissented. You can amend the request — where it goes, what makes room, the case for it — and ask the
        leaders again. Round {round}’s responses stay on record.
      </p>
      <LinkButton href={`/changes/${changeRequestId}/amend`}>Amend the request</LinkButton>
    </section>
  );
}
