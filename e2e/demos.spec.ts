import { eq } from 'drizzle-orm';
import { deliveryRecords, items, schedulePublications } from '../db/schema';
import { expect, makeDelivery, test } from './fixtures';
import { makeE2eDemo } from './fixtures/demos';
import { mailbox } from './mailbox';

/**
 * A sprint demo from end to end: the pm schedules it with two items (the invitees get a calendar
 * invitation by e-mail), the presenter records both as shown, two attendees give feedback, the
 * requestor of the delivered item follows it to "delivered" and reads the feedback, and the concern
 * becomes a request that waits in triage.
 */

const SHOWN = 'Faster checkout page load'; // requested and sponsored by Mia Marketing
const SEARCH = 'Order history search'; // requested by Rosa Requestor, sponsored by Mia

test('a demo is scheduled, shown, commented on, and a concern becomes a request', async ({ signedInAs, world }) => {
  const delivery = await makeDelivery(world);
  const { erik, rosa, sponsor: mia } = delivery;
  // The schedule is published and the search already delivered (e2e/delivery.spec.ts delivers through the page).
  const searchId = delivery.items[SEARCH].id;
  const at = new Date().toISOString();
  await world.db.insert(schedulePublications).values({
    cycleId: delivery.cycle.id,
    publishedAt: at,
    publishedBy: delivery.pm.id,
    snapshot: [],
    summary: [],
  });
  await world.db.update(items).set({ status: 'delivered' }).where(eq(items.id, searchId));
  await world.db.insert(deliveryRecords).values({
    itemId: searchId,
    kind: 'final',
    deliveredOn: at.slice(0, 10),
    releaseNotes: 'Search the whole order history.',
    links: [],
    recordedBy: erik.id,
    recordedAt: at,
  });
  const pm = await signedInAs(delivery.pm);
  await pm.goto(`/cycles/${delivery.cycle.id}/demos`);
  await expect(pm.getByText('No demos yet')).toBeVisible();

  // Choosing the items invites their requestors and sponsor; the pm picks the presenter.
  const form = pm.getByRole('region', { name: 'Schedule a demo' });
  await form.getByLabel('Title').fill('Sprint 9 demo');
  await form.getByLabel('Date and time').fill('2030-01-15T10:00');
  await form.getByLabel('Presenter').selectOption({ label: erik.name });
  await form.getByRole('checkbox', { name: new RegExp(SHOWN) }).check();
  await form.getByRole('checkbox', { name: new RegExp(SEARCH) }).check();
  await expect(form.getByRole('checkbox', { name: rosa.name })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: mia.name })).toBeChecked();
  await form.getByRole('button', { name: 'Schedule demo' }).click();
  await expect(pm.getByRole('heading', { level: 1, name: 'Sprint 9 demo' })).toBeVisible();
  const demoPath = new URL(pm.url()).pathname;

  const invitation = await mailbox.waitFor(rosa.email, /Invitation: Sprint 9 demo/);
  expect(invitation.ics).toContain('METHOD:REQUEST');
  expect(invitation.ics).toMatch(/UID:demo-\d+@quorum/);
  expect(invitation.ics).toContain('SEQUENCE:0');

  // The presenter records both items as shown.
  const presenter = await signedInAs(erik);
  await presenter.goto(demoPath);
  for (const [title, stage] of [
    [SHOWN, 'Prototype'],
    [SEARCH, 'V1'],
  ]) {
    const section = presenter.getByRole('region', { name: title });
    await section.getByLabel('Stage shown').selectOption({ label: stage });
    await section.getByLabel('Links').fill('https://example.test/recording');
    await section.getByRole('button', { name: 'Record as shown' }).click();
    await expect(section.getByText(`Shown: ${stage}`)).toBeVisible();
  }

  // Two attendees give feedback: the sponsor finds the search right and has a concern on the
  // checkout (a concern needs a comment); the requestor agrees on the search.
  const sponsor = await signedInAs(mia);
  await sponsor.goto(demoPath);
  const sponsorSearch = sponsor.getByRole('region', { name: SEARCH });
  await sponsorSearch.getByLabel('Looks right').check();
  await sponsorSearch.getByLabel('Comment').fill('Finds my orders from 2019.');
  await sponsorSearch.getByRole('button', { name: 'Send feedback' }).click();
  await expect(sponsorSearch.getByText(`Looks right from ${mia.name}`)).toBeVisible();

  // The requestor follows the delivered search to its last stage and reads the feedback, and was told.
  const requestor = await signedInAs(rosa);
  await requestor.goto(`/requests/${searchId}`);
  const progress = requestor.getByRole('region', { name: 'Progress' });
  await expect(progress.getByRole('list', { name: 'Stages' })).toContainText('Delivered (done)');
  await expect(progress.locator('[aria-current="step"]')).toHaveText(/Feedback/);
  const feedback = progress.getByRole('list', { name: 'Feedback from demos' });
  await expect(feedback).toContainText(`Looks right from ${mia.name}`);
  await expect(feedback).toContainText('Finds my orders from 2019.');
  await requestor.goto('/notifications');
  await expect(requestor.getByRole('link', { name: `“${SEARCH}” has feedback`, exact: true })).toBeVisible();

  await requestor.goto(demoPath);
  const search = requestor.getByRole('region', { name: SEARCH });
  await search.getByLabel('Looks right').check();
  await search.getByRole('button', { name: 'Send feedback' }).click();
  await expect(search.getByText(`Looks right from ${rosa.name}`)).toBeVisible();

  const checkout = sponsor.getByRole('region', { name: SHOWN });
  await checkout.getByLabel('Concern').check();
  await checkout.getByRole('button', { name: 'Send feedback' }).click();
  await expect(checkout.getByText('Say what the concern is.')).toBeVisible();
  await checkout.getByLabel('Concern').check();
  await checkout.getByLabel('Comment').fill('The page still stalls on slow phones.');
  await checkout.getByRole('button', { name: 'Send feedback' }).click();
  await expect(checkout.getByText(`Concern from ${mia.name}`)).toBeVisible();

  // The pm turns the concern into a request, which waits in triage.
  await pm.reload();
  const concern = pm.getByRole('region', { name: SHOWN });
  await concern.getByRole('button', { name: 'Turn into a request' }).click();
  // The concern now links to the request it became.
  const request = concern.getByRole('link', { name: /^request #\d+$/ });
  await expect(request).toBeVisible();
  const href = await request.getAttribute('href');
  await pm.goto('/triage');
  const triage = pm.getByRole('table', { name: 'New requests waiting for triage' });
  await expect(triage.locator(`a[href="${href}"]`)).toHaveText(`Follow-up: ${SHOWN}`);
});

test("the pm moves a demo and the invitees' calendars follow; cancelled, it leaves them", async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const { erik, rosa } = delivery;
  const pm = await signedInAs(delivery.pm);
  await pm.goto(`/cycles/${delivery.cycle.id}/demos`);
  const form = pm.getByRole('region', { name: 'Schedule a demo' });
  await form.getByLabel('Title').fill('Sprint 10 demo');
  await form.getByLabel('Date and time').fill('2030-02-01T10:00');
  await form.getByLabel('Presenter').selectOption({ label: erik.name });
  await form.getByRole('checkbox', { name: new RegExp(SEARCH) }).check();
  // The invite list narrows by name; those filtered out stay invited.
  const find = form.getByLabel('Find people to invite');
  await find.fill('nobody by this name');
  await expect(form.getByText('Nobody matches.')).toBeVisible();
  await find.fill(delivery.sponsor.name);
  await expect(form.getByRole('checkbox', { name: delivery.sponsor.name })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: rosa.name })).toBeHidden();
  await form.getByRole('button', { name: 'Schedule demo' }).click();
  await expect(pm.getByRole('heading', { level: 1, name: 'Sprint 10 demo' })).toBeVisible();
  // Rosa, filtered out of the list when the form was sent, is invited all the same.
  expect((await mailbox.waitFor(rosa.email, /Invitation: Sprint 10 demo/)).ics).toContain('SEQUENCE:0');

  // Moved a day later: the same calendar entry, one sequence on.
  await pm.getByText('Change the demo').click();
  await pm.getByLabel('Date and time').fill('2030-02-02T10:00');
  await pm.getByRole('button', { name: 'Save changes' }).click();
  await expect(pm.getByText('Demo changed: the invitees were sent the updated invitation.')).toBeVisible();
  const moved = await mailbox.waitFor(rosa.email, /Changed: Sprint 10 demo/);
  expect(moved.ics).toContain('SEQUENCE:1');
  expect(moved.ics).toContain('METHOD:REQUEST');

  // Cancelling asks first; then the invitees' calendars drop it.
  await pm.getByRole('button', { name: 'Cancel this demo' }).click();
  await expect(pm.getByRole('group', { name: /^Cancel “Sprint 10 demo”\?/ })).toBeVisible();
  await pm.getByRole('button', { name: 'Yes, cancel the demo' }).click();
  await expect(pm.getByText('This demo was cancelled.')).toBeVisible();
  const cancelled = await mailbox.waitFor(rosa.email, /Cancelled: Sprint 10 demo/);
  expect(cancelled.ics).toContain('METHOD:CANCEL');
});

test('after the window has closed, the pm opens feedback again and a late attendee gives it', async ({
  signedInAs,
  world,
}) => {
  const delivery = await makeDelivery(world);
  const { erik, sponsor: mia } = delivery;
  const demo = await makeE2eDemo(world.db, {
    cycleId: delivery.cycle.id,
    title: world.named('Sprint 8 demo'),
    presenterId: erik.id,
    createdBy: delivery.pm.id,
    itemIds: [delivery.items[SHOWN].id],
    inviteeIds: [mia.id],
    startsInDays: -10,
    feedbackClosed: true,
  });
  const [pm, late] = [await signedInAs(delivery.pm), await signedInAs(mia)];
  await late.goto(`/demos/${demo.id}`);
  await expect(late.getByText(/\(closed\)$/)).toBeVisible();
  await expect(late.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);

  await pm.goto(`/demos/${demo.id}`);
  const window = pm.getByRole('form', { name: 'Feedback window' });
  const days = window.getByLabel('Open feedback again for (days from now)');
  await days.fill('90');
  await window.getByRole('button', { name: 'Reopen feedback' }).click();
  await expect(days).toHaveAccessibleDescription(/Feedback window must be between 1 and 60 days\./);
  await expect(days).toHaveValue('90');
  await days.fill('3');
  await window.getByRole('button', { name: 'Reopen feedback' }).click();
  await expect(pm.getByText('Feedback is open again.')).toBeVisible();
  expect((await mailbox.waitFor(mia.email, /Feedback open again: /)).text).toMatch(/^You can give your feedback/m);
  await expect(window.getByRole('button', { name: 'Change the feedback window' })).toBeVisible();

  await late.reload();
  await expect(late.getByText(/\(closed\)$/)).toHaveCount(0);
  await late.getByRole('radio', { name: 'Looks right' }).check();
  await late.getByRole('button', { name: 'Send feedback' }).click();
  await expect(late.getByText(/^Thank you: your feedback was sent/)).toBeVisible();
});
