import { expect, test } from './fixtures';
import { startWebhookReceiver } from '../lib/testing/webhook-receiver';

test('an admin registers a webhook; a new item reaches the receiver signed; a failed re-send is retried', async ({
  signedInAs,
  world,
}) => {
  const receiver = await startWebhookReceiver();
  try {
    const admin = await signedInAs('admin');
    const hookName = world.named('Planning bot');
    await admin.goto('/admin/webhooks');
    const form = admin.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Name').fill(hookName);
    await form.getByRole('checkbox', { name: /An item is created/ }).check();

    // Refused, naming the field: another scheme, then Quorum's own address.
    const url = form.getByLabel('URL');
    await url.fill('ftp://example.com/hook');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect(form.getByText('The URL must start with https:// or http://.')).toBeVisible();
    await url.fill(new URL('/api/hook', admin.url()).toString());
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect(form.getByText('The URL points at Quorum itself: give the address of another service.')).toBeVisible();

    await url.fill(receiver.url);
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = form.getByLabel(/signing secret: copy it now/);
    await expect(secretField).toHaveValue(/^whsec_/);
    const secret = await secretField.inputValue();
    receiver.setSecret(secret);
    await admin.getByRole('link', { name: hookName }).click();
    await admin.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => receiver.delivered().map((r) => r.event)).toContain('ping');
    await admin.goto('/admin/webhooks');

    // A pm adds an item: the receiver gets item.created, signed, with the item's title.
    const cycle = await world.cycle();
    const department = await world.department('Engineering');
    const title = world.named('Webhook item');
    const pm = await signedInAs('pm');
    await pm.goto(`/cycles/${cycle.id}/items/new`);
    await pm.getByLabel('Title').fill(title);
    await pm.getByLabel('Department').selectOption({ label: department.name });
    await pm.getByRole('button', { name: 'Add item' }).click();
    await expect(pm.getByRole('heading', { name: title })).toBeVisible();
    const ours = () =>
      receiver.received.filter(
        (r) => (r.json as { data?: { item?: { title?: string } } })?.data?.item?.title === title,
      );
    await expect.poll(() => ours().map((r) => [r.event, r.verified, r.status])).toEqual([['item.created', true, 200]]);

    // The delivery log says so; the secret is not shown again.
    await admin.goto('/admin/webhooks');
    await expect(admin.getByText(secret)).toHaveCount(0);
    await admin.getByRole('link', { name: hookName }).click();
    const row = admin.getByRole('row', { name: `Delivery ${ours()[0].deliveryId}` });
    await expect(row.getByText('Delivered')).toBeVisible();
    await expect(row.getByText('HTTP 200', { exact: true })).toBeVisible();

    // The receiver fails once: the re-send is answered 500, retried, and delivered.
    receiver.failNext(1);
    await row.getByRole('button', { name: 'Re-send' }).click();
    await expect.poll(() => ours().map((r) => r.status)).toEqual([200, 500, 200]);
    await admin.reload();
    await expect(row.getByText('Delivered')).toBeVisible();
    await row.getByText('Attempts (3)').click();
    await expect(row.getByText(/HTTP 500/)).toBeVisible();

    // Deleted after confirming, it is gone from the list.
    await admin.getByRole('button', { name: 'Delete webhook' }).click();
    await admin.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(admin.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
    await expect(admin.getByRole('link', { name: hookName })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
