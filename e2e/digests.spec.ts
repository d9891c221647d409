import { expect, test } from './fixtures';
import { ABOVE, ABOVE_REASON, BELOW, makeEndedPrioritisation, REJECTED, REJECTED_REASON } from './fixtures/outcome';
import { mailbox } from './mailbox';

/**
 * Messages people want to read: the pm previews the outcome e-mail with a personal note, sees how
 * many people publishing will notify, and publishes; Rosa, who asked for three items, gets one
 * e-mail about all three, naming the one accepted below the cut line as such, and her request page
 * agrees; a leader's home page offers the live meeting to join.
 */

const NOTE = 'Thank you all: the capacity is tight this quarter, so ask me about anything below the line.';

test('the outcome digest: preview with a note, publish, one e-mail per person, the same state on the request page', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(60_000);
  const scene = await makeEndedPrioritisation(world);
  const pm = await signedInAs(scene.pm);
  await pm.goto(`/cycles/${scene.cycle.id}/outcome`);
  const decisions = pm.getByRole('table', { name: /Every decision of/ });
  await expect(decisions.getByRole('row', { name: new RegExp(BELOW) })).toContainText('Accepted — below the cut line');

  await pm.getByRole('button', { name: 'Publish the outcome…' }).click();
  // Requestors of the six agenda items: Rosa, Mia (Marketing), Fatima (Finance); sponsors only: Ethan, Omar.
  await expect(pm.getByText('Publishing notifies 5 people: 3 requestors, 2 sponsors.')).toBeVisible();
  await pm.getByLabel('Personal note (optional)').fill(NOTE);
  await pm.getByRole('button', { name: 'Preview the e-mail' }).click();
  const preview = pm.getByRole('region', { name: 'E-mail preview' });
  await expect(preview).toContainText(`Preview of the e-mail to ${scene.rosa.name}. Nothing has been sent.`);
  await expect(preview).toContainText(`The outcome of ${scene.meeting.title}: 3 items of yours`);
  await expect(preview).toContainText(NOTE);
  await expect(pm.getByLabel('Personal note (optional)')).toHaveValue(NOTE);
  expect(await mailbox.list(scene.rosa.email)).toEqual([]);

  await pm.getByRole('button', { name: 'Yes, publish the outcome' }).click();
  await expect(pm.getByText('Outcome published. 5 people were told the fate of 3 items.')).toBeVisible();

  const mail = await mailbox.waitFor(scene.rosa.email, /The outcome of .*: 3 items of yours/);
  expect((await mailbox.list(scene.rosa.email)).length).toBe(1);
  expect(mail.text.indexOf(NOTE)).toBeLessThan(mail.text.indexOf('Accepted — above the cut line (1)'));
  expect(mail.text).toContain(
    `Accepted — above the cut line (1)\n• ${ABOVE}\n  Ranked 1 of 2.\n  Reason: ${ABOVE_REASON}`,
  );
  expect(mail.text).toContain(
    `Accepted — below the cut line (1)\n• ${BELOW}\n  Ranked 2 of 2.\n  Reason: No reason recorded`,
  );
  expect(mail.text).toContain(`Rejected (1)\n• ${REJECTED}\n  Reason: ${REJECTED_REASON}`);

  const rosa = await signedInAs(scene.rosa);
  await rosa.goto(`/requests/${scene.items[BELOW].id}`);
  await expect(rosa.getByRole('heading', { name: BELOW })).toBeVisible();
  await expect(rosa.getByText('Accepted — below the cut line', { exact: true })).toBeVisible();
  await rosa.goto('/requests');
  await expect(rosa.getByRole('row', { name: new RegExp(BELOW) })).toContainText('Accepted — below the cut line');
  await expect(rosa.getByRole('row', { name: new RegExp(ABOVE) })).not.toContainText('below the cut line');

  const liam = await signedInAs(scene.leaders.Sales);
  const needs = liam.getByRole('region', { name: 'Needs you now' });
  await expect(needs.getByRole('link', { name: /is live: join the meeting/ })).toHaveAttribute(
    'href',
    `/meetings/${scene.liveMeetingId}`,
  );
});
