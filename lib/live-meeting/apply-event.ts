import type { LiveItem, LiveState } from './state.server';
import { suggestedDecision, tally, type Choice } from './tally';

/**
 * Applies a `live.vote_cast` event (as the stream sends it, projected) to the state a page shows,
 * so that a vote costs every follower nothing but this — instead of each of them re-reading the
 * whole state from the server. Pure (type imports and the pure tally only), for the browser.
 *
 * Returns null whenever the event cannot be applied exactly; the page then re-reads the state.
 * A unit test holds that the result equals what the server computes after the same vote.
 */
export type StreamEvent = { id: number; type: string; data?: Record<string, unknown> | null };

export function applyVoteEvent(state: LiveState, event: StreamEvent): LiveState | null {
  if (event.type !== 'live.vote_cast' || !event.data) return null;
  const d = event.data;
  const at = state.agenda.findIndex((i) => i.itemId === d.itemId);
  if (at < 0) return null;
  const item = state.agenda[at];
  let next: LiveItem;
  if (d.hidden === true) {
    const voter = state.attendees.find((a) => a.userId === d.userId);
    if (!item.tally.hidden || !Number.isInteger(d.voted) || !voter) return null;
    // Names only, as the server sends them; a changed vote moves to the end, as the server orders them.
    const voters = [
      ...item.tally.voters.filter((v) => v.userId !== voter.userId),
      { userId: voter.userId, name: voter.name },
    ];
    next = { ...item, tally: { ...item.tally, voted: d.voted as number, voters } };
  } else {
    const voter = state.attendees.find((a) => a.userId === d.userId);
    if (item.tally.hidden || !voter || typeof d.choice !== 'string') return null;
    const choice = d.choice as Choice;
    const comment = typeof d.comment === 'string' ? d.comment : '';
    // A changed vote moves to the end, as the server orders votes by when they were (last) cast.
    const votes = [
      ...item.tally.votes.filter((v) => v.userId !== voter.userId),
      { userId: voter.userId, name: voter.name, departmentName: voter.departmentName, choice, comment },
    ];
    const departmentOf = new Map(state.attendees.map((a) => [a.userId, a.departmentId]));
    if (votes.some((v) => !departmentOf.has(v.userId))) return null; // a voter who no longer attends
    const voters = state.attendees
      .filter((a) => a.role === 'voter')
      .map((a) => ({ userId: a.userId, departmentId: a.departmentId, departmentName: a.departmentName }));
    const t = tally(
      votes.map((v) => ({
        userId: v.userId,
        departmentId: departmentOf.get(v.userId)!,
        departmentName: v.departmentName,
        choice: v.choice,
      })),
      { voters },
    );
    next = {
      ...item,
      tally: {
        hidden: false,
        tally: t,
        suggested: suggestedDecision(t, state.settings.weighted ? 'weighted' : 'plain'),
        votes,
      },
      myVote: voter.userId === state.viewer.id ? { choice, comment } : item.myVote,
    };
  }
  const agenda = state.agenda.slice();
  agenda[at] = next;
  return { ...state, agenda, lastEventId: event.id };
}
