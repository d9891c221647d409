'use client';
import { useState } from 'react';
import type { LiveItem } from '@/lib/live-meeting/state.server';
import { CHOICES } from '@/lib/live-meeting/tally';
import { VOTE_BUTTON_COLOUR } from '@/components/ui/status-colours';
import { controlClass } from '@/components/ui/field';
import { CHOICE_LABEL } from './labels';
import { CommandError, useCommand } from './use-command';
import type { Send } from './use-live-meeting';

/**
 * A voter's ballot on the current item: one button per choice (pressed = your vote) and an
 * optional comment sent with it. The vote can be changed until the facilitator closes voting.
 */
export function VotePanel({ item, send, live }: { item: LiveItem; send: Send; live: boolean }) {
  const { run, pending, error, fieldErrors } = useCommand(send);
  const [comment, setComment] = useState(item.myVote?.comment ?? '');
  const open = live && !item.votingClosed && !item.decision;
  const commentId = `vote-comment-${item.itemId}`;
  return (
    <section aria-label="Your vote" className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">Your vote</h3>
      <p className="text-sm" aria-live="polite">
        {item.myVote ? (
          <>
            You voted <strong>{CHOICE_LABEL[item.myVote.choice]}</strong>.
          </>
        ) : (
          'You have not voted on this item.'
        )}
        {!open && ' Voting on this item is closed.'}
      </p>
      <div className="space-y-1">
        <label htmlFor={commentId} className="block text-sm font-medium">
          Comment (optional)
        </label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={1000}
          className={controlClass}
          value={comment}
          disabled={!open}
          aria-invalid={fieldErrors.comment ? true : undefined}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div role="group" aria-label="Choose" className="flex flex-wrap gap-2">
        {CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={item.myVote?.choice === choice}
            disabled={pending || !open}
            onClick={() => run({ action: 'vote', itemId: item.itemId, choice, comment })}
            className={`inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium max-sm:min-h-11 max-sm:flex-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60 ${VOTE_BUTTON_COLOUR[choice][item.myVote?.choice === choice ? 'pressed' : 'idle']}`}
          >
            {item.myVote?.choice === choice && <span aria-hidden="true">✓</span>}
            {CHOICE_LABEL[choice]}
          </button>
        ))}
      </div>
      <CommandError error={error} />
    </section>
  );
}
