import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '@/db/factories';
import { events, webhooks } from '@/db/schema';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { decryptSecret } from '@/lib/security/secrets.server';
import { countRows, db, userWithRole, validationErrorOf } from '@/lib/testing/db';
import { first } from '@/db/rows';
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  setWebhookActive,
  updateWebhook,
} from './admin.server';

let admin: TestUser, pm: TestUser;
beforeAll(async () => {
  admin = await userWithRole('admin');
  pm = await userWithRole('pm');
});

const input = {
  name: 'Planning channel',
  url: 'https://hooks.example.com/1',
  format: 'slack',
  events: ['item.decided'],
};
const stored = async (id: number) => first(await db.select().from(webhooks).where(eq(webhooks.id, id)));
const eventsOf = async (id: number) =>
  (await db.select().from(events).where(eq(events.subjectType, 'webhook'))).filter((e) => e.subjectId === id);

describe('webhook administration', () => {
  it('creates with a secret shown once and stored encrypted; every change is logged without it', async () => {
    const { id, secret } = await createWebhook(admin, input);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const row = (await stored(id))!;
    expect(row).toMatchObject({
      name: 'Planning channel',
      format: 'slack',
      eventTypes: ['item.decided'],
      active: true,
    });
    expect(row.secretCiphertext).not.toContain(secret);
    expect(decryptSecret(row.secretCiphertext)).toBe(secret);
    expect(JSON.stringify(await listWebhooks(admin))).not.toContain('secretCiphertext');

    await updateWebhook(admin, id, { ...input, name: 'Planning', events: ['item.decided', 'cycle.created'] });
    await setWebhookActive(admin, id, false);
    const rotated = await rotateWebhookSecret(admin, id);
    expect(rotated).not.toBe(secret);
    expect(decryptSecret((await stored(id))!.secretCiphertext)).toBe(rotated);
    await deleteWebhook(admin, id);
    expect(await stored(id)).toBeUndefined();

    const logged = await eventsOf(id);
    expect(logged.map((e) => e.type)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.deactivated',
      'webhook.secret_rotated',
      'webhook.deleted',
    ]);
    expect(logged[1].data).toEqual({
      changes: {
        name: { from: 'Planning channel', to: 'Planning' },
        eventTypes: { from: ['item.decided'], to: ['item.decided', 'cycle.created'] },
      },
    });
    const all = JSON.stringify(logged);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(rotated);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = [await countRows('webhooks'), await countRows('events')];
    const error = await validationErrorOf(() =>
      createWebhook(admin, { ...input, url: 'ftp://example.com/x', events: [] }),
    );
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['events', 'url']);
    const own = await validationErrorOf(() => createWebhook(admin, { ...input, url: 'http://localhost:3000/api' }));
    expect(own.fieldErrors.url).toEqual(['The URL points at Quorum itself: give the address of another service.']);
    expect([await countRows('webhooks'), await countRows('events')]).toEqual(before);
  });

  it('is for admins only, and an unknown webhook is a 404', async () => {
    const { id } = await createWebhook(admin, input);
    await expect(listWebhooks(pm)).rejects.toThrow(ForbiddenError);
    await expect(createWebhook(pm, input)).rejects.toThrow(ForbiddenError);
    await expect(rotateWebhookSecret(pm, id)).rejects.toThrow(ForbiddenError);
    await expect(deleteWebhook(pm, id)).rejects.toThrow(ForbiddenError);
    await expect(setWebhookActive(admin, 999_999, false)).rejects.toThrow(NotFoundError);
    expect(await stored(id)).toBeDefined();
  });
});
