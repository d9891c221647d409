import { makeItem } from '../db/factories';
import { expect, test } from './fixtures';

/**
 * Curation as people do it: a pm merges a duplicate (taking one field from it) and the duplicate's
 * requestor finds where it went; the pm declines one request and sends another back with a
 * question; the requestor reads the reason, answers and resubmits, and triage shows it again.
 */
test('merge a duplicate, decline a request, ask for information and resubmit', async ({ world, signedInAs }) => {
  const [pmPerson, rosa, ben] = [
    await world.person('pm'),
    await world.person('requestor'),
    await world.person('requestor', { name: 'Ben Buyer' }),
  ];
  const { keeper, duplicate, declined, unclear } = await world.batch(async () => {
    const cycle = await world.cycle();
    const base = { departmentId: rosa.departmentId, description: 'Partners log in.', status: 'curated' as const };
    const request = {
      departmentId: rosa.departmentId,
      requestorId: rosa.id,
      cycleId: null,
      status: 'submitted' as const,
    };
    return {
      keeper: await makeItem(world.db, { ...base, cycleId: cycle.id, requestorId: rosa.id, title: world.named('SSO') }),
      duplicate: await makeItem(world.db, {
        ...base,
        cycleId: cycle.id,
        requestorId: ben.id,
        title: world.named('Partner single sign-on'),
        description: 'Resellers sign in with their own identity provider.',
      }),
      declined: await makeItem(world.db, { ...request, title: world.named('A fax gateway') }),
      unclear: await makeItem(world.db, { ...request, title: world.named('Faster export') }),
    };
  });
  const pm = await signedInAs(pmPerson);
  const cspErrors: string[] = [];
  pm.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
  });

  // Merge: pick the duplicate, keep this item, take the duplicate's description, review, confirm.
  await pm.goto(`/items/${keeper.id}`);
  await pm.getByRole('link', { name: 'Merge a duplicate…' }).click();
  await pm
    .getByRole('combobox', { name: 'The duplicate' })
    .selectOption({ label: `#${duplicate.id} ${duplicate.title}` });
  await pm.getByRole('radio', { name: 'This item' }).check();
  await pm.getByRole('button', { name: 'Next: choose the fields' }).click();
  await pm.getByRole('radio', { name: /^Description: Take the duplicate’s/ }).check();
  await pm.getByRole('button', { name: 'Review the merge' }).click();
  const review = pm.getByRole('region', { name: /Review/ });
  await expect(review.getByText('Resellers sign in with their own identity provider.')).toBeVisible();
  await expect(review.getByText('Ben Buyer')).toBeVisible();
  await pm.getByRole('button', { name: 'Merge the duplicate' }).click();
  await expect(pm.getByRole('status')).toHaveText('Merged: the duplicate now points to this item.');
  await expect(pm.getByText(`merged the duplicate “${duplicate.title}” into it.`)).toBeVisible();
  await expect(pm.locator('dt:text-is("Also requested by") + dd')).toHaveText(ben.name);

  // Ben, whose request it was, finds where it went and can open it.
  const benPage = await signedInAs(ben);
  await benPage.goto(`/requests/${duplicate.id}`);
  await benPage.getByRole('note').getByRole('link', { name: keeper.title }).click();
  await expect(benPage.getByRole('heading', { name: keeper.title })).toBeVisible();
  await expect(benPage.getByText('Resellers sign in with their own identity provider.')).toBeVisible();

  // Decline, asked twice.
  await pm.goto(`/triage/${declined.id}`);
  await pm.getByLabel('Reason for declining').fill('We retired fax in 2024.');
  await pm.getByRole('button', { name: 'Decline…' }).click();
  await pm.getByRole('button', { name: 'Yes, decline' }).click();
  await expect(pm.getByText('The request was declined; its requestor has been told why.')).toBeVisible();

  // Ask for information.
  await pm.goto(`/triage/${unclear.id}`);
  await pm.getByLabel('Question for the requestor').fill('Which export, and how slow is it today?');
  await pm.getByRole('button', { name: 'Send the question' }).click();
  await expect(pm.getByText('Your question was sent')).toBeVisible();

  // Rosa reads the reason at once, then answers the question and resubmits.
  const rosaPage = await signedInAs(rosa);
  await rosaPage.goto(`/requests/${declined.id}`);
  await expect(rosaPage.getByRole('region', { name: 'Decision reason' })).toContainText('We retired fax in 2024.');
  await rosaPage.goto(`/requests/${unclear.id}`);
  const ask = rosaPage.getByRole('region', { name: 'More information needed' });
  await expect(ask).toContainText('Which export, and how slow is it today?');
  await ask.getByLabel('Description').fill('The CSV export of the backlog takes a minute.');
  await ask.getByRole('button', { name: 'Resubmit request' }).click();
  await expect(rosaPage.getByText('Your request has been resubmitted.')).toBeVisible();

  await pm.goto('/triage');
  await expect(pm.getByRole('row', { name: new RegExp(unclear.title) }).getByText('Resubmitted')).toBeVisible();

  // The SME is picked from people by typing; a name Quorum does not know stays as text.
  await pm.goto(`/items/${keeper.id}/edit`);
  const sme = pm.getByRole('combobox', { name: 'SME' });
  await sme.fill('Olga from Finance');
  await expect(pm.getByText('Not in Quorum: kept as text.')).toBeVisible();
  await sme.fill(ben.name.slice(0, 6));
  await pm.getByRole('option', { name: ben.name }).click();
  await expect(sme).toHaveValue(ben.name);
  await expect(pm.getByText('Not in Quorum: kept as text.')).toBeHidden();
  await pm.getByRole('button', { name: 'Save changes' }).click();
  await expect(pm.getByRole('status')).toHaveText('Changes saved.');
  await expect(pm.locator('dt:text-is("SME") + dd')).toHaveText(ben.name);
  expect(cspErrors).toEqual([]);
});
