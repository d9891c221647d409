import { appendEvent } from '../db/event-chain';
import { makeItem, makeMeeting, makeSchedulePeriod } from '../db/factories';
import { expect, makeQuarter, signIn, test } from './fixtures';

/**
 * An item's history reads as sentences in Quorum's words, to its requestor and to a leader: names
 * instead of ids, no rank key, no event type. Two changes are made through the pages; the meeting's
 * acceptance (with its rank), a change request's move and a pre-read question are recorded as those
 * features record them.
 */

const RANK_KEY = 'rk7Qx';
/** What a person must never read in a history: ids, rank keys, field and event names. */
const INTERNAL = new RegExp(
  `#\\d|${RANK_KEY}|Period Id|Theme Id|decisionReason|Rank:|: changed|(question|item|schedule)\\.[a-z_]+|→ —|— →`,
);

test('the history of a request reads as sentences, with names and without internal values', async ({
  page,
  browser,
  world,
}) => {
  const quarter = await makeQuarter(world);
  const pm = await world.person('pm');
  const rosa = quarter.rosa;
  const { item, meeting, october } = await world.batch(async () => {
    const item = await makeItem(world.db, {
      cycleId: quarter.cycle.id,
      title: world.named('Reorder from order history'),
      status: 'curated',
      requestorId: rosa.id,
      departmentId: rosa.departmentId,
    });
    const meeting = await makeMeeting(world.db, {
      cycleId: quarter.cycle.id,
      facilitatorId: pm.id,
      title: world.named('Prioritisation'),
      itemIds: [item.id],
    });
    const october = await makeSchedulePeriod(world.db, quarter.cycle.id, {
      name: world.named('October'),
      startsOn: '2027-01-04',
      endsOn: '2027-01-29',
    });
    return { item, meeting, october };
  });

  // Through the pages: the pm gives it a theme, then accepts it with a reason.
  await signIn(page, pm);
  await page.goto(`/items/${item.id}/edit`);
  await page.getByLabel('Theme').selectOption({ label: 'Platform reliability' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await page.getByLabel('New status').selectOption({ label: 'Accepted' });
  await page.getByLabel('Reason (optional)').fill('Fits the quarter');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('Status changed to Accepted.')).toBeVisible();

  // As the other features record them: a question in the pre-read, its answer, the ranking's key
  // and a change request moving the item out of its period.
  const events = [
    { actorId: rosa.id, type: 'question.asked', data: { meetingId: meeting.id, questionId: 1 } },
    { actorId: pm.id, type: 'question.answered', data: { meetingId: meeting.id, questionId: 1, answerId: 2 } },
    {
      actorId: pm.id,
      type: 'item.schedule_changed',
      data: {
        action: 'out',
        changeRequestId: 999_999,
        changeRequestTitle: 'Card payments fail',
        changes: {
          status: { from: 'scheduled', to: 'deferred' },
          rank: { from: RANK_KEY, to: RANK_KEY },
          decisionReason: { from: 'Fits the quarter', to: 'Moved out by change request "Card payments fail"' },
          periodId: { from: october.id, to: null },
        },
      },
    },
  ];
  await world.batch(async () => {
    for (const e of events) await appendEvent(world.db, { ...e, subjectType: 'item', subjectId: item.id });
  });

  const expected = [
    `${rosa.name} added the item to the ${quarter.cycle.name} backlog.`,
    `${pm.name} set the theme to “Platform reliability”.`,
    `${pm.name} accepted it.`,
    'Reason: “Fits the quarter”.',
    `${rosa.name} asked a question about it in the pre-read of “${meeting.title}”.`,
    `${pm.name} answered a question about it in the pre-read of “${meeting.title}”.`,
    `${pm.name} moved it out of the schedule (it was in ${october.name}) with the change request “Card payments fail”.`,
  ];

  // Rosa, who asked for it, reads it on her request's page…
  const requestor = await (await browser.newContext()).newPage();
  await signIn(requestor, rosa);
  await requestor.goto(`/requests/${item.id}`);
  const history = requestor.getByRole('region', { name: 'History', exact: true });
  for (const sentence of expected) await expect(history).toContainText(sentence);
  await expect(history).not.toContainText(INTERNAL);

  // …and a leader on the item's page, where the schedule history says the same.
  const leader = await (await browser.newContext()).newPage();
  await signIn(leader, quarter.leaders.Finance);
  await leader.goto(`/items/${item.id}`);
  const itemHistory = leader.getByRole('region', { name: 'History', exact: true });
  for (const sentence of expected) await expect(itemHistory).toContainText(sentence);
  await expect(itemHistory).not.toContainText(INTERNAL);
  const schedule = leader.getByRole('region', { name: 'Schedule history' });
  await expect(schedule).toContainText(`${pm.name} moved it out of the schedule (it was in ${october.name})`);
  await expect(schedule).not.toContainText(INTERNAL);
  // Nothing internal reaches the page's data either.
  expect(await (await leader.request.get(`/items/${item.id}`)).text()).not.toContain(RANK_KEY);
  await requestor.context().close();
  await leader.context().close();
});
