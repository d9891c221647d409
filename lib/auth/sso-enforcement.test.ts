import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { makeUser } from '@/db/factories';
import { setSetting } from '@/lib/settings/settings.server';
import { db, rowCounts } from '@/lib/testing/db';
import { makeConnection } from '@/lib/testing/sso';
import { checkCredentials, signInMessage } from './credentials.server';
import { hashPassword } from './password.server';

const PASSWORD = 'correct horse battery staple';
const HERE = '203.0.113.10';

describe('SSO enforced for a domain', () => {
  it('refuses a password without checking it, naming the provider, and counts no failure', async () => {
    const c = await makeConnection({ name: 'Acme SSO', enforced: true });
    const person = await makeUser(db, { email: `gil@${c.domain}`, passwordHash: await hashPassword(PASSWORD) });
    const before = await rowCounts();
    const result = await checkCredentials({ email: person.email, password: PASSWORD }, HERE);
    expect(result).toEqual({ ok: false, reason: 'sso_required', connectionName: 'Acme SSO' });
    expect(signInMessage(result as Exclude<typeof result, { ok: true }>)).toContain('Continue with Acme SSO');
    expect(await rowCounts()).toEqual(before);
  });

  it('lets an admin in with a password (break-glass) and logs it; a switched-off connection enforces nothing', async () => {
    const c = await makeConnection({ enforced: true });
    const admin = await makeUser(db, {
      role: 'admin',
      email: `root@${c.domain}`,
      passwordHash: await hashPassword(PASSWORD),
    });
    const result = await checkCredentials({ email: admin.email, password: PASSWORD }, HERE);
    expect(result).toMatchObject({ ok: true, breakGlass: true });
    const logged = (await db.select().from(events).where(eq(events.type, 'user.break_glass_signin'))).filter(
      (e) => e.subjectId === admin.id,
    );
    expect(logged).toHaveLength(1);

    const off = await makeConnection({ enabled: false, enforced: true });
    const other = await makeUser(db, { email: `hal@${off.domain}`, passwordHash: await hashPassword(PASSWORD) });
    expect(await checkCredentials({ email: other.email, password: PASSWORD }, HERE)).toMatchObject({
      ok: true,
      breakGlass: false,
    });
  });

  it('refuses an admin too once break-glass is switched off', async () => {
    const c = await makeConnection({ enforced: true, name: 'Strict SSO' });
    const admin = await makeUser(db, {
      role: 'admin',
      email: `ops@${c.domain}`,
      passwordHash: await hashPassword(PASSWORD),
    });
    await setSetting(db, 'breakGlassAdmins', false);
    try {
      expect(await checkCredentials({ email: admin.email, password: PASSWORD }, HERE)).toMatchObject({
        ok: false,
        reason: 'sso_required',
      });
    } finally {
      await setSetting(db, 'breakGlassAdmins', true);
    }
  });
});
