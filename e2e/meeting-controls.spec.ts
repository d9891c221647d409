import { expect, makeQuarter, planMeeting, test } from './fixtures';
import { currentTitle, vote } from './meeting-steps';

/**
 * The facilitator's session controls on a meeting planned through the UI: pause and resume, the
 * presenter view following along, handing the role to a leader, and an admin taking it over.
 * Nobody reloads.
 */

const ITEM = 'Invoice PDFs with VAT breakdown';

test('pause and resume, the presenter view, hand over to a leader, an admin takes over', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(120_000);
  const quarter = await makeQuarter(world);
  const liam = quarter.leaders.Sales;
  const priya = await world.person('pm');
  const ada = await world.person('admin');
  const pm = await signedInAs(priya);
  const meetingId = await planMeeting(pm, {
    cycle: quarter.cycle,
    title: `Controls ${Date.now()}`,
    facilitator: priya,
    attendee: liam,
    item: quarter.items[ITEM],
  });
  await expect(pm.getByText('Live updates on')).toBeVisible();

  const leader = await signedInAs(liam);
  await leader.goto(`/meetings/${meetingId}`);
  await expect(leader.getByText('Live updates on')).toBeVisible();
  const screen = await signedInAs(ada);
  await screen.goto(`/meetings/${meetingId}/present`);
  await expect(screen.getByText('Live updates on')).toBeVisible();

  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await start.getByRole('checkbox', { name: 'Start anyway' }).check(); // no pre-read, weeks early
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(currentTitle(leader)).toHaveText(ITEM);
  await expect(currentTitle(screen)).toHaveText(ITEM);
  // The presenter view shows the tally without any control.
  await vote(leader, 'Accept');
  await expect(screen.getByTestId('count-accept')).toHaveText('1');
  await expect(screen.getByRole('button', { name: 'Record decision' })).toHaveCount(0);

  await pm.getByRole('button', { name: 'Pause meeting' }).click();
  await expect(leader.getByText('The meeting is paused. It resumes where it was.')).toBeVisible();
  await expect(leader.getByRole('group', { name: 'Choose' }).getByRole('button', { name: 'Reject' })).toBeDisabled();
  await pm.getByRole('button', { name: 'Resume meeting' }).click();
  await expect(leader.getByTestId('meeting-status')).toHaveText('Live');

  // Hand over: the leader now has the facilitator's controls, the pm no longer does.
  await pm.getByLabel('Hand facilitation to').selectOption({ label: `${liam.name} (${liam.departmentName})` });
  await pm.getByRole('button', { name: 'Hand over' }).click();
  await expect(leader.getByText(`Facilitator: ${liam.name} (you)`)).toBeVisible();
  await expect(leader.getByRole('region', { name: 'Facilitator controls' })).toBeVisible();
  await expect(pm.getByRole('region', { name: 'Facilitator controls' })).toHaveCount(0);

  // An admin takes over a meeting whose facilitator left.
  const admin = await signedInAs(ada);
  await admin.goto(`/meetings/${meetingId}`);
  await admin.getByRole('button', { name: 'Take over facilitation' }).click();
  await expect(admin.getByRole('region', { name: 'Facilitator controls' })).toBeVisible();
  await expect(leader.getByText(`Facilitator: ${ada.name}`)).toBeVisible();
  await expect(leader.getByRole('region', { name: 'Facilitator controls' })).toHaveCount(0);
});
