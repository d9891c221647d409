import type { LiveState } from './state.server';
import type { VoteChoice } from '@/db/schema';

/**
 * What POST …/live answers a vote with: not the whole projected state (which costs the server a
 * dozen queries, the tally of every item and a large JSON body on every vote), only the voter's
 * own vote and the id of the event that recorded it. Every page, the voter's too, learns of the
 * vote from the meeting's stream. The one thing the stream cannot tell the voter is their own
 * choice while votes are hidden (the hidden event carries no voter and no choice), so the ack does:
 * it is the voter's own data, and it goes to the voter only.
 *
 * Pure (type imports only), for the browser as well as the server.
 */
export type VoteAck = {
  ack: 'vote';
  /** The `live.vote_cast` event that recorded this vote. */
  eventId: number;
  itemId: number;
  myVote: { choice: VoteChoice; comment: string };
};

export function voteAck(eventId: number, itemId: number, vote: { choice: VoteChoice; comment: string }): VoteAck {
  return { ack: 'vote', eventId, itemId, myVote: { choice: vote.choice, comment: vote.comment } };
}

/** True for a vote's answer (anything else a successful POST answers with is the whole state). */
export function isVoteAck(body: unknown): body is VoteAck {
  const b = body as Partial<VoteAck> | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    b.ack === 'vote' &&
    Number.isInteger(b.eventId) &&
    Number.isInteger(b.itemId) &&
    typeof b.myVote?.choice === 'string' &&
    typeof b.myVote?.comment === 'string'
  );
}

/** The later of two acks (by event id): a page keeps only the voter's latest vote. */
export function laterAck(a: VoteAck | null, b: VoteAck): VoteAck {
  return a && a.eventId > b.eventId ? a : b;
}

/**
 * `state` with the voter's own vote from `ack`, when the state was projected before that vote (its
 * lastEventId is older than the ack's event) — or always, with `force`, when the ack has just
 * arrived: a state at or after the vote's event either came from the server, which includes the
 * vote, or was derived from the shown state, which already had it. Unchanged (the same object)
 * when there is nothing to do.
 */
export function withOwnVote(state: LiveState, ack: VoteAck | null, force = false): LiveState {
  if (!ack || (!force && state.lastEventId >= ack.eventId)) return state;
  const at = state.agenda.findIndex((i) => i.itemId === ack.itemId);
  if (at < 0) return state;
  const item = state.agenda[at];
  if (item.myVote?.choice === ack.myVote.choice && item.myVote.comment === ack.myVote.comment) return state;
  const agenda = state.agenda.slice();
  agenda[at] = { ...item, myVote: { ...ack.myVote } };
  return { ...state, agenda };
}
