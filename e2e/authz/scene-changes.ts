/** Change requests for the matrix's scenes: raised, convened, dissented and closed through the app, as people would. */
import { eq } from 'drizzle-orm';
import { emergencySessions } from '../../db/schema';
import type { Person } from '../fixtures/world';
import { PASSWORD } from '../fixtures/world';
import { signInOverHttp, type FormFields } from './http';
import { delivery, expectOk, other, type Scene } from './scene';
import { first } from '../../db/rows';

/** A change request on a delivery cycle, raised through the app by the test's pm; returns its id. */
export async function changeRequest(s: Scene, cycleId: number, periodId: number): Promise<number> {
  const answer = await s.pmClient.action(
    'raiseChangeRequestAction',
    await raiseFields(s, cycleId, periodId),
    `/cycles/${cycleId}/changes/new`,
  );
  const id = Number(/^\/changes\/(\d+)/.exec(answer.location ?? '')?.[1]);
  if (answer.kind !== 'ok' || !id) throw new Error(`Raising a change request failed: ${JSON.stringify(answer)}`);
  return id;
}

export async function raiseFields(s: Scene, cycleId: number, periodId: number): Promise<FormFields> {
  return {
    cycleId: String(cycleId),
    incoming: 'new',
    title: s.world.named('Urgent fix'),
    description: 'Card payments fail for some banks.',
    businessBenefit: 'Revenue',
    estimate: '2',
    kind: 'fix',
    departmentId: String(s.pm.departmentId),
    whyNow: 'Payments fail since Monday.',
    urgency: 'critical',
    incomingPosition: '1',
    incomingPeriodId: String(periodId),
  };
}

/** Closes the change request's live session through the app, as its pm would. */
export async function closeSession(s: Scene, changeRequestId: number, sessionId: number) {
  await expectOk(
    s.pmClient.action(
      'closeSessionAction',
      { changeRequestId: String(changeRequestId), sessionId: String(sessionId) },
      `/changes/${changeRequestId}`,
    ),
    'close the session',
  );
}

/** Convenes a live session on the change request with `invitees`; returns the session id. */
export async function convene(s: Scene, changeRequestId: number, invitees: Person[]): Promise<number> {
  await expectOk(
    s.pmClient.action(
      'conveneSessionAction',
      { changeRequestId: String(changeRequestId), mode: 'live', inviteeIds: invitees.map((p) => String(p.id)) },
      `/changes/${changeRequestId}`,
    ),
    'convene a session',
  );
  const row = first(
    await s.world.db
      .select({ id: emergencySessions.id })
      .from(emergencySessions)
      .where(eq(emergencySessions.changeRequestId, changeRequestId)),
  );
  if (!row) throw new Error('Convening a session left no session row.');
  return row.id;
}

/** `leader`, invited to the session, signs in and dissents through the app. */
export async function dissent(s: Scene, changeRequestId: number, sessionId: number, leader: Person) {
  const client = await signInOverHttp(s.pmClient.baseURL, leader.email, PASSWORD, '10.99.0.1');
  await expectOk(
    client.action(
      'respondAction',
      {
        changeRequestId: String(changeRequestId),
        sessionId: String(sessionId),
        response: 'dissent',
        comment: 'Not at the cost of the refunds work.',
      },
      `/changes/${changeRequestId}`,
    ),
    'dissent',
  );
}

/** A change request raised by the test's pm, whose session's one invited leader dissented: the pm may amend it. */
export async function dissentedRequest(s: Scene) {
  const d = await delivery(s);
  const id = await changeRequest(s, d.cycle.id, d.periods[0].id);
  const leader = await other(s, 'leader');
  await dissent(s, id, await convene(s, id, [leader]), leader);
  return { id, delivery: d };
}

/** The amend form's fields: the proposal without the incoming item, which stays. */
export function amendFields(changeRequestId: number, periodId: number): FormFields {
  return {
    changeRequestId: String(changeRequestId),
    whyNow: 'Payments fail since Monday; we now move refunds later instead.',
    urgency: 'critical',
    incomingPosition: '1',
    incomingPeriodId: String(periodId),
  };
}
