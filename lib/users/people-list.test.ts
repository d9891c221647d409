import { beforeAll, describe, expect, it } from 'vitest';
import { makeUser, type TestUser } from '@/db/factories';
import { ForbiddenError } from '@/lib/errors';
import { db, userWithRole } from '@/lib/testing/db';
import { listPeople, parsePeopleQuery, PEOPLE_PAGE_SIZE } from './people-list.server';

let admin: TestUser;
const tag = `t${Date.now().toString(36)}${process.pid.toString(36)}`;
beforeAll(async () => {
  admin = await userWithRole('admin');
  // More than a page of people who share a word in their name, and one whose name holds a "%".
  for (let n = 0; n < PEOPLE_PAGE_SIZE + 3; n++)
    await makeUser(db, { name: `Paged ${tag} ${String(n).padStart(3, '0')}`, email: `paged.${n}.${tag}@people.test` });
  await makeUser(db, { name: `Percent 100% ${tag}`, email: `percent.${tag}@people.test` });
});

describe('listPeople', () => {
  it('finds people by any part of their name or e-mail, in any case, a page at a time', async () => {
    const firstPage = await listPeople(admin, { q: `PAGED ${tag.toUpperCase()}`, page: 1 });
    expect(firstPage.total).toBe(PEOPLE_PAGE_SIZE + 3);
    expect(firstPage.pages).toBe(2);
    expect(firstPage.people).toHaveLength(PEOPLE_PAGE_SIZE);
    expect(firstPage.people[0].name).toBe(`Paged ${tag} 000`);
    const second = await listPeople(admin, { q: `paged ${tag}`, page: 2 });
    expect(second.people.map((p) => p.name)).toEqual([50, 51, 52].map((n) => `Paged ${tag} 0${n}`));
    const byEmail = await listPeople(admin, { q: `paged.7.${tag}@`, page: 1 });
    expect(byEmail.people.map((p) => p.name)).toEqual([`Paged ${tag} 007`]);
  });

  it('searches for % and _ as themselves, and shows the last page for a page past the end', async () => {
    const percent = await listPeople(admin, { q: `100% ${tag}`, page: 1 });
    expect(percent.people.map((p) => p.name)).toEqual([`Percent 100% ${tag}`]);
    expect((await listPeople(admin, { q: `1_0% ${tag}`, page: 1 })).total).toBe(0);
    const past = await listPeople(admin, { q: `paged ${tag}`, page: 9 });
    expect(past.page).toBe(2);
    expect(past.people).toHaveLength(3);
  });

  it('is for admins only', async () => {
    const pm = await userWithRole('pm');
    await expect(listPeople(pm, { q: '', page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('parsePeopleQuery', () => {
  it('keeps good values and drops a bad one with a sentence naming it', () => {
    expect(parsePeopleQuery({ q: ' ada ', page: '2' })).toEqual({ query: { q: 'ada', page: 2 }, problems: [] });
    expect(parsePeopleQuery({})).toEqual({ query: { q: '', page: 1 }, problems: [] });
    expect(parsePeopleQuery({ q: 'ada', page: 'two' })).toEqual({
      query: { q: 'ada', page: 1 },
      problems: ['The page must be a whole number.'],
    });
    expect(parsePeopleQuery({ q: 'x'.repeat(101), page: ['3', '4'] })).toEqual({
      query: { q: '', page: 3 },
      problems: ['Search for at most 100 characters.'],
    });
  });
});
