import 'server-only';
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { departments, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/** Rows per page of Admin › People: a company of thousands stays quick to render and to act on. */
export const PEOPLE_PAGE_SIZE = 50;

const PeopleQuery = z.object({
  q: z.string().trim().max(100, 'Search for at most 100 characters.').default(''),
  page: z.coerce
    .number({ error: 'The page must be a whole number.' })
    .int('The page must be a whole number.')
    .min(1, 'The page must be 1 or more.')
    .max(100_000, 'The page must be 100000 or less.')
    .default(1),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/**
 * The query string of the People page. A value that does not parse is dropped with a sentence
 * saying so, and the page shows its default instead: a mistyped link still lands somewhere useful.
 */
export function parsePeopleQuery(raw: Record<string, string | string[] | undefined>): {
  query: PeopleQuery;
  problems: string[];
} {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const input = { q: single(raw.q), page: single(raw.page) || undefined };
  const parsed = PeopleQuery.safeParse(input);
  if (parsed.success) return { query: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => issue.message);
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const query = PeopleQuery.parse({
    q: bad.has('q') ? undefined : input.q,
    page: bad.has('page') ? undefined : input.page,
  });
  return { query, problems };
}

/** `%` and `_` typed into the search box are searched for as themselves. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of people, by name, whose name or e-mail contains the search text (any case). */
export async function listPeople(actor: ActingUser, query: PeopleQuery) {
  assertCan(actor, 'user.manage');
  const pattern = likePattern(query.q);
  const where: SQL | undefined = query.q
    ? or(sql`lower(${users.name}) like ${pattern} escape '\\'`, sql`lower(${users.email}) like ${pattern} escape '\\'`)
    : undefined;
  const total = Number(first(await db.select({ n: count() }).from(users).where(and(where)))?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      departmentId: users.departmentId,
      departmentName: departments.name,
      lastSignInAt: users.lastSignInAt,
      lastSignInMethod: users.lastSignInMethod,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(PEOPLE_PAGE_SIZE)
    .offset((page - 1) * PEOPLE_PAGE_SIZE);
  return { people, total, page, pages };
}
