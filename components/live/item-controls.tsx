'use client';
import { useState } from 'react';
import type { LiveItem, LiveState } from '@/lib/live-meeting/state.server';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { hiddenVotesWarning } from '@/lib/live-meeting/warnings';
import { HiddenVotesConfirm } from './hidden-votes-confirm';
import { OUTCOME_LABEL, OUTCOMES } from './labels';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/**
 * The facilitator's controls on the current item: close/reopen voting, reveal hidden votes, and
 * record the decision — preselected to what the tally suggests; a rejection needs a reason, and
 * going against the tally needs a note (the server says so if they are missing).
 */
/** The decision's fields that show their own errors (a missing reason or note is said beside it). */
const DECISION_FIELDS = ['reason', 'note'] as const;

export function ItemControls({ item, state, send }: { item: LiveItem; state: LiveState; send: Send }) {
  const voting = useCommand(send);
  const decide = useCommand(send, DECISION_FIELDS);
  const suggested = item.tally.hidden ? null : item.tally.suggested;
  const [outcome, setOutcome] = useState<string>(suggested ?? '');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [decideHidden, setDecideHidden] = useState(false);
  const live = state.meeting.status === 'live';
  const hiddenWarning = item.tally.hidden ? hiddenVotesWarning(item.tally) : null;
  const canReveal = state.settings.votesVisibility === 'hidden' && !item.revealed;
  const chosen = outcome || suggested || '';

  if (item.decision) return null;
  return (
    <section aria-label="Decision" className="space-y-3 rounded-md border border-indigo-200 p-3 dark:border-indigo-900">
      <div className="flex flex-wrap gap-2">
        {item.votingClosed ? (
          <Button
            variant="secondary"
            disabled={!live || voting.pending}
            onClick={() => voting.run({ action: 'reopen-voting', itemId: item.itemId })}
          >
            Reopen voting
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={!live || voting.pending}
            onClick={() => voting.run({ action: 'close-voting', itemId: item.itemId })}
          >
            Close voting
          </Button>
        )}
        {canReveal && (
          <Button
            variant="secondary"
            disabled={voting.pending}
            onClick={() => voting.run({ action: 'reveal', itemId: item.itemId })}
          >
            Reveal votes
          </Button>
        )}
      </div>
      <CommandError error={voting.error} />
      <form
        aria-label="Record the decision"
        className="space-y-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const confirmHiddenVotes = hiddenWarning !== null && decideHidden;
          if (
            await decide.run({
              action: 'decide',
              itemId: item.itemId,
              outcome: chosen,
              reason,
              note,
              confirmHiddenVotes,
            })
          ) {
            setReason('');
            setNote('');
          }
        }}
      >
        <fieldset>
          <legend className="text-sm font-semibold">Decision</legend>
          <div className="flex flex-wrap gap-4">
            {OUTCOMES.map((o) => (
              <label key={o} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name="outcome"
                  value={o}
                  checked={chosen === o}
                  onChange={() => setOutcome(o)}
                  aria-invalid={decide.fieldErrors.outcome ? true : undefined}
                />
                {OUTCOME_LABEL[o]}
                {suggested === o && ' (suggested)'}
              </label>
            ))}
          </div>
        </fieldset>
        <TextBox
          id={`reason-${item.itemId}`}
          label={
            chosen === 'rejected'
              ? 'Reason (required for a rejection; the requestor reads it)'
              : 'Reason (optional; the requestor reads it)'
          }
          value={reason}
          onChange={setReason}
          errors={decide.fieldErrors.reason}
        />
        <TextBox
          id={`note-${item.itemId}`}
          label="Decision note (required when deciding against the tally)"
          value={note}
          onChange={setNote}
          errors={decide.fieldErrors.note}
        />
        {hiddenWarning && (
          <HiddenVotesConfirm
            itemId={item.itemId}
            warning={hiddenWarning}
            checked={decideHidden}
            onChange={setDecideHidden}
            errors={decide.fieldErrors.confirmHiddenVotes}
          />
        )}
        <CommandError error={decide.fieldErrors.confirmHiddenVotes ? null : decide.error} />
        <Button type="submit" disabled={!live || decide.pending || !chosen}>
          Record decision
        </Button>
      </form>
    </section>
  );
}

function TextBox({
  id,
  label,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={2000}
        className={controlClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      {errors && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** Shared notes on an item: everyone sees them; the facilitator adds to them. */
export function ItemNotes({
  item,
  canWrite,
  send,
  live,
}: {
  item: LiveItem;
  canWrite: boolean;
  send: Send;
  live: boolean;
}) {
  const { run, pending, error, fieldErrors } = useCommand(send);
  const [note, setNote] = useState('');
  const lines = item.notes.split('\n').filter((l) => l.trim() !== '');
  const id = `add-note-${item.itemId}`;
  return (
    <section aria-label="Notes" className="space-y-2">
      <h3 className="text-sm font-semibold">Notes</h3>
      {lines.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No notes yet.</p>
      ) : (
        <ul aria-label="Meeting notes" className="list-disc space-y-0.5 pl-5 text-sm">
          {lines.map((l, i) => (
            <li key={i} className="whitespace-pre-wrap wrap-anywhere">
              {l}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="flex items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run({ action: 'note', itemId: item.itemId, note })) setNote('');
          }}
        >
          <div className="grow space-y-1">
            <label htmlFor={id} className="block text-sm font-medium">
              Add a note
            </label>
            <input
              id={id}
              className={controlClass}
              value={note}
              maxLength={2000}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={fieldErrors.note ? true : undefined}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !live}>
            Add note
          </Button>
        </form>
      )}
      <CommandError error={error} />
    </section>
  );
}
