import { type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { PASSWORD, expect, makePrioritisation, test, type Prioritisation } from './fixtures';
import { linkIn, mailbox } from './mailbox';
import { currentTitle, vote } from './meeting-steps';

/**
 * What made first-time users of a prioritisation meeting stop: signing in from an e-mail link lost
 * the item it pointed to; notifications stayed unread after doing what they asked; the meeting
 * could be started without a pre-read or weeks early, and decided with the votes still hidden,
 * without a word.
 */

/** The pm distributes the scene's pre-read from the meeting page, as a person does. */
async function distribute(pm: Page, scene: Prioritisation) {
  await pm.goto(`/meetings/${scene.meeting.id}`);
  await pm.getByRole('button', { name: 'Distribute the pre-read' }).click();
  await expect(pm.getByText(/^Sent on /)).toBeVisible();
}

test('signing in from an e-mail link lands on the item it points to', async ({ browser, signedInAs, world }) => {
  const scene = await makePrioritisation(world);
  const last = scene.agenda.at(-1)!; // far down the pre-read
  const pm = await signedInAs(scene.pm);
  await distribute(pm, scene);

  // A leader asks about the last item; the pm (the facilitator) is e-mailed a link to it.
  const leader = await signedInAs(scene.leaders.Sales);
  await leader.goto(`/meetings/${scene.meeting.id}/preread`);
  const article = leader.getByRole('article', { name: last });
  await article.getByRole('button', { name: 'Ask a question', exact: true }).click();
  await article.getByLabel('Your question').fill('Which countries need the VAT breakdown first?');
  await article.getByRole('button', { name: 'Ask question' }).click();
  await expect(article.getByText('Which countries need the VAT breakdown first?')).toBeVisible();
  const mail = await mailbox.waitFor(scene.pm.email, new RegExp(`New question on “${last}”`));
  const link = linkIn(mail, BASE_URL);
  const itemId = scene.items[last].id;
  expect(link).toBe(`${BASE_URL}/meetings/${scene.meeting.id}/preread#item-${itemId}`);

  // Signed out, on a short screen: the link goes through sign-in and still lands on the item.
  const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Sign in to Quorum' })).toBeVisible();
  await page.getByLabel('E-mail').fill(scene.pm.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${BASE_URL}/meetings/${scene.meeting.id}/preread#item-${itemId}`);
  await expect(page.getByRole('article', { name: last })).toBeInViewport();
  await expect(page.getByRole('article', { name: scene.agenda[0] })).not.toBeInViewport();
  await context.close();
});

/** Whether the inbox still offers to mark the notification read, i.e. it is unread. */
const markRead = (page: Page, title: string | RegExp) =>
  page.getByRole('form', { name: typeof title === 'string' ? `Mark read: ${title}` : title });

test('notifications clear themselves once the person has opened the pre-read or answered the question', async ({
  signedInAs,
  world,
}) => {
  const scene = await makePrioritisation(world);
  const pm = await signedInAs(scene.pm);
  await distribute(pm, scene);
  const preread = `Pre-read: ${scene.meeting.title}`;

  // The leader is told; opening the pre-read (not through the notification) is what it asked.
  const leader = await signedInAs(scene.leaders.Finance);
  await leader.goto('/notifications');
  await expect(markRead(leader, preread)).toBeVisible();
  await leader.goto(`/meetings/${scene.meeting.id}`);
  await leader.getByRole('link', { name: 'Open the pre-read' }).click();
  await expect(leader).toHaveURL(`/meetings/${scene.meeting.id}/preread`);
  await expect(leader.getByRole('article', { name: scene.agenda[0] })).toBeVisible();
  await leader.goto('/notifications');
  await expect(leader.getByRole('link', { name: preread })).toBeVisible();
  await expect(markRead(leader, preread)).toHaveCount(0);

  // The leader asks; the pm is asked to answer, and answering on the pre-read clears it.
  const item = scene.agenda[0];
  await leader.goto(`/meetings/${scene.meeting.id}/preread`);
  const asked = leader.getByRole('article', { name: item });
  await asked.getByRole('button', { name: 'Ask a question', exact: true }).click();
  await asked.getByLabel('Your question').fill('Is this for the admin console only?');
  await asked.getByRole('button', { name: 'Ask question' }).click();
  await expect(asked.getByText('Is this for the admin console only?')).toBeVisible();

  const question = `New question on “${item}”`;
  await pm.goto('/notifications');
  await expect(markRead(pm, question)).toBeVisible();
  await pm.goto(`/meetings/${scene.meeting.id}/preread`);
  const answering = pm.getByRole('article', { name: item });
  await answering.getByLabel('Your answer').fill('Yes: the customer app follows next quarter.');
  await answering.getByRole('button', { name: 'Answer' }).click();
  await expect(answering.getByText('Your answer was posted.')).toBeVisible();
  await pm.goto('/notifications');
  await expect(pm.getByRole('link', { name: question })).toBeVisible();
  await expect(markRead(pm, question)).toHaveCount(0);
});

test('starting without a pre-read and weeks early, and deciding with hidden votes, are warned and confirmed', async ({
  signedInAs,
  world,
}) => {
  test.setTimeout(90_000);
  const scene = await makePrioritisation(world); // two weeks away, pre-read not sent
  const pm = await signedInAs(scene.pm);
  await pm.goto(`/meetings/${scene.meeting.id}`);
  await expect(pm.getByText('Live updates on')).toBeVisible();
  const start = pm.getByRole('form', { name: 'Start the meeting' });
  await expect(start).toContainText('No pre-read has been distributed: the attendees have not had the agenda to read.');
  await expect(start).toContainText(/The meeting is scheduled 1[34] days( and \d+ hours?)? from now\./);
  await start.getByLabel('Hide votes until I reveal them').check();

  // Without the confirmation the server refuses, saying what is missing.
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(start.getByRole('alert')).toContainText('Tick "Start anyway" to start it all the same.');
  await expect(start.getByRole('checkbox', { name: 'Start anyway' })).toHaveAttribute('aria-invalid', 'true');
  await expect(pm.getByTestId('meeting-status')).toHaveText('Not started');
  await start.getByRole('checkbox', { name: 'Start anyway' }).check();
  await start.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(pm.getByTestId('meeting-status')).toHaveText('Live');

  // A vote arrives, hidden: deciding now is warned about and needs its own confirmation.
  const leader = await signedInAs(scene.leaders.Sales);
  await leader.goto(`/meetings/${scene.meeting.id}`);
  await expect(currentTitle(leader)).toHaveText(scene.agenda[0]);
  await vote(leader, 'Accept');
  const decision = pm.getByRole('form', { name: 'Record the decision' });
  await expect(decision).toContainText('The votes on this item are still hidden (1 of 6 voters have voted)');
  await decision.getByRole('radio', { name: /^Accepted/ }).check();
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision.getByRole('alert')).toContainText(
    'Tick "Record the decision without revealing the votes first" to record it anyway.',
  );
  await expect(pm.getByText(/^Decision: /)).toHaveCount(0);
  await decision.getByRole('checkbox', { name: 'Record the decision without revealing the votes first' }).check();
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(leader.getByText(/^Decision: Accepted/)).toBeVisible();

  // Once the votes are revealed there is nothing to confirm.
  await pm.getByRole('button', { name: 'Next item →' }).click();
  await expect(currentTitle(leader)).toHaveText(scene.agenda[1]);
  await vote(leader, 'Accept');
  await pm.getByRole('button', { name: 'Reveal votes' }).click();
  await expect(pm.getByRole('checkbox', { name: 'Record the decision without revealing the votes first' })).toHaveCount(
    0,
  );
  await decision.getByRole('radio', { name: /^Accepted/ }).check();
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(leader.getByText(/^Decision: Accepted/)).toBeVisible();
});
