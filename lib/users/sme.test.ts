import { describe, expect, it } from 'vitest';
import { makeUser } from '@/db/factories';
import { db } from '@/lib/testing/db';
import { smeName } from './sme';
import { smeNamesByEmail } from './sme-names.server';

describe('smeName', () => {
  const names = { 'engineer@quorum.test': 'Erik Engineer' };
  it.each([
    ['engineer@quorum.test', 'Erik Engineer'],
    [' Engineer@Quorum.test ', 'Erik Engineer'],
    ['someone@else.test', 'someone@else.test'],
    ['Erik Engineer', 'Erik Engineer'],
    ['', ''],
  ])('%j → %j', (sme, shown) => expect(smeName(sme, names)).toBe(shown));
});

describe('smeNamesByEmail', () => {
  it('names the known people among the SMEs written as e-mails, deactivated ones too', async () => {
    const erik = await makeUser(db, { name: 'Erik Engineer', email: `erik-${Date.now()}@quorum.test` });
    const felix = await makeUser(db, { name: 'Felix Former', email: `felix-${Date.now()}@quorum.test`, active: false });
    const names = await smeNamesByEmail(db, [
      erik.email.toUpperCase(),
      felix.email,
      'nobody@quorum.test',
      'Erik Engineer',
    ]);
    expect(names).toEqual({ [erik.email]: 'Erik Engineer', [felix.email]: 'Felix Former' });
    expect(await smeNamesByEmail(db, ['Erik Engineer', ''])).toEqual({});
  });
});
