import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { seedDeliverySchedule } from './schedule.server';
import {
  agendaItems,
  items,
  meetingAttendees,
  meetings,
  users,
  type ItemStatus,
  type Kind,
  type Role,
  type Size,
} from '@/db/schema';
import { hashPassword } from '@/lib/auth/password.server';
import { makeCycle, makeDepartment, makeItem, makeModule, makeTheme, makeUser, SIZE_LIST } from '@/db/factories';
import { DEMO_PASSWORD, DEMO_USERS } from './accounts';
import { first } from '@/db/rows';

export { DEMO_PASSWORD, DEMO_USERS } from './accounts';

const DEPARTMENTS = ['Sales', 'Finance', 'Operations', 'Customer Success', 'Marketing', 'Engineering'];
const MODULES = [
  'Billing',
  'Checkout',
  'Search',
  'Mobile app',
  'Data platform',
  'Identity',
  'Notifications',
  'Admin console',
  'Reporting',
  'Public API',
];

const THEMES = [
  { name: 'Grow self-serve revenue', keyOutcome: 'Self-serve conversion from trial to paid up from 4% to 5.5%' },
  {
    name: 'Enterprise readiness',
    keyOutcome: 'Close the three enterprise deals blocked on SSO, audit and data residency',
  },
  { name: 'Platform reliability', keyOutcome: '99.95% monthly uptime and p95 page time under 300 ms' },
  { name: 'Customer insight', keyOutcome: 'Every account manager sees weekly usage for their accounts' },
];

// title, kind, department, theme index (or -1), size, modules, status
type Row = [string, Kind, string, number, Size | null, string[], ItemStatus?];
const ITEMS: Row[] = [
  ['Annual plans with a discount at checkout', 'feature', 'Sales', 0, 'M', ['Checkout', 'Billing']],
  ['Apple Pay and Google Pay at checkout', 'feature', 'Marketing', 0, 'S', ['Checkout']],
  ['Trial extension offer for engaged trials', 'feature', 'Marketing', 0, 'S', ['Notifications', 'Billing']],
  ['Usage-based pricing tier', 'feature', 'Finance', 0, 'XL', ['Billing', 'Reporting']],
  ['Coupon codes for partner campaigns', 'feature', 'Marketing', 0, 'S', ['Checkout']],
  ['In-app upgrade prompts at plan limits', 'feature', 'Sales', 0, 'M', ['Mobile app', 'Billing']],
  ['Localised prices in EUR and GBP', 'feature', 'Finance', 0, 'L', ['Billing', 'Checkout']],
  ['Abandoned-checkout reminder e-mails', 'feature', 'Marketing', 0, 'XS', ['Notifications']],
  ['Invoice PDFs with VAT breakdown', 'fix', 'Finance', 0, 'S', ['Billing']],
  ['Referral credits', 'feature', 'Sales', 0, null, ['Billing']],
  ['SAML single sign-on', 'feature', 'Sales', 1, 'L', ['Identity']],
  ['SCIM user provisioning', 'feature', 'Sales', 1, 'M', ['Identity', 'Admin console']],
  ['Audit log export for admins', 'feature', 'Operations', 1, 'M', ['Admin console', 'Data platform']],
  ['EU data residency', 'non_functional', 'Operations', 1, 'XL', ['Data platform']],
  ['Role-based access for workspaces', 'feature', 'Customer Success', 1, 'L', ['Identity', 'Admin console']],
  ['Custom contract terms on invoices', 'feature', 'Finance', 1, 'S', ['Billing']],
  ['Security questionnaire answers page', 'feature', 'Sales', 1, 'XS', []],
  ['IP allow-listing', 'non_functional', 'Operations', 1, 'S', ['Identity', 'Public API']],
  ['Public API rate limits per key', 'non_functional', 'Engineering', 2, 'M', ['Public API']],
  ['Move search to a dedicated index', 'tech_debt', 'Engineering', 2, 'L', ['Search']],
  ['Retire the legacy billing cron jobs', 'tech_debt', 'Engineering', 2, 'M', ['Billing']],
  ['Database connection pooling', 'non_functional', 'Engineering', 2, 'S', ['Data platform']],
  ['Fix duplicate notification e-mails', 'fix', 'Customer Success', 2, 'XS', ['Notifications']],
  ['Upgrade the mobile app framework', 'tech_debt', 'Engineering', 2, 'L', ['Mobile app']],
  ['On-call runbooks and alert tuning', 'non_functional', 'Operations', 2, 'S', []],
  ['Zero-downtime deploys', 'non_functional', 'Engineering', 2, 'M', ['Data platform', 'Public API']],
  ['Slow search on large workspaces', 'fix', 'Customer Success', 2, 'S', ['Search']],
  ['Remove feature flags older than a year', 'tech_debt', 'Engineering', 2, 'XS', []],
  ['Weekly usage report per account', 'feature', 'Customer Success', 3, 'M', ['Reporting', 'Data platform']],
  ['Health score for each customer', 'feature', 'Customer Success', 3, 'L', ['Reporting']],
  ['Churn-risk alerts for account managers', 'feature', 'Sales', 3, 'M', ['Notifications', 'Reporting']],
  ['Product analytics events in the mobile app', 'feature', 'Marketing', 3, 'S', ['Mobile app', 'Data platform']],
  ['NPS survey after onboarding', 'feature', 'Customer Success', 3, 'XS', ['Notifications']],
  ['Revenue dashboard by segment', 'feature', 'Finance', 3, 'M', ['Reporting']],
  ['Export reports to CSV', 'feature', 'Operations', 3, 'XS', ['Reporting']],
  ['Data warehouse nightly sync', 'non_functional', 'Engineering', 3, 'L', ['Data platform']],
  ['Fix timezone bug in scheduled reports', 'fix', 'Operations', 3, 'XS', ['Reporting']],
  ['Dark mode for the admin console', 'feature', 'Marketing', -1, 'S', ['Admin console']],
  ['Bulk edit in the admin console', 'feature', 'Operations', -1, null, ['Admin console'], 'submitted'],
  ['Offline mode for the mobile app', 'feature', 'Sales', -1, 'XL', ['Mobile app'], 'submitted'],
];

const TEXT = {
  description: (t: string) => `${t}. High-level change only: the detailed design follows once the item is accepted.`,
  benefit: (t: string) =>
    `Customers asked for this repeatedly; ${t.toLowerCase()} removes a known blocker and supports the theme's key outcome.`,
};

/** Seeds the demo: departments, modules, one user per role, cycle 2027-Q1 with themes and items. */
export async function seedDemo(db: Db, opts: { extraItems?: number } = {}) {
  const depts = new Map<string, Awaited<ReturnType<typeof makeDepartment>>>();
  for (const name of DEPARTMENTS) depts.set(name, await makeDepartment(db, name));
  const mods = new Map<string, Awaited<ReturnType<typeof makeModule>>>();
  for (const name of MODULES) mods.set(name, await makeModule(db, name));
  const people = new Map<string, Awaited<ReturnType<typeof makeUser>>>();
  // One hash for every demo user: scrypt is deliberately slow, and they share the demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    people.set(u.email, await makeUser(db, { ...u, departmentId: depts.get(u.department)!.id, passwordHash }));
  }
  const cycle = await makeCycle(db, {
    name: '2027-Q1',
    startsOn: '2027-01-04',
    endsOn: '2027-03-26',
    capacityWeeks: 100,
  });
  const themes: Awaited<ReturnType<typeof makeTheme>>[] = [];
  for (const t of THEMES) themes.push(await makeTheme(db, cycle.id, t));
  const requestorFor = (dept: string) =>
    [...people.values()].find((p) => p.departmentId === depts.get(dept)!.id && p.role !== 'admin') ??
    people.get('pm@quorum.test')!;
  const leaders = [...people.values()].filter((p) => p.role === 'leader');

  const total = ITEMS.length + (opts.extraItems ?? 0);
  for (let i = 0; i < total; i++) {
    const [title, kind, dept, theme, size, moduleNames, status] = ITEMS[i % ITEMS.length];
    const requestor = i === 0 || i === 10 ? people.get('requestor@quorum.test')! : requestorFor(dept);
    await makeItem(db, {
      cycleId: cycle.id,
      themeId: theme >= 0 ? themes[theme].id : null,
      title: i < ITEMS.length ? title : `${title} (${Math.floor(i / ITEMS.length) + 1})`,
      description: TEXT.description(title),
      businessBenefit: i % 9 === 5 ? '' : TEXT.benefit(title),
      estimateSize: i >= ITEMS.length ? SIZE_LIST[i % 5] : size,
      sme: `${requestor.name}`,
      sponsorId: i % 11 === 7 ? null : leaders[i % leaders.length].id,
      requestorId: requestor.id,
      departmentId: depts.get(dept)!.id,
      kind,
      status: status ?? 'curated',
      moduleIds: moduleNames.map((m) => mods.get(m)!.id),
    });
  }
  // Requests waiting in triage, not yet in a cycle.
  const rosa = people.get('requestor@quorum.test')!;
  await makeItem(db, {
    requestorId: rosa.id,
    departmentId: rosa.departmentId,
    status: 'submitted',
    title: 'Quote builder for sales calls',
    description: 'Let sales build a quote during a call and send it as a link.',
    businessBenefit: 'Shorter sales cycles for mid-market deals.',
    sponsorSuggestion: 'Liam Sales',
  });
  const sam = people.get('requestor2@quorum.test')!;
  await makeItem(db, {
    requestorId: sam.id,
    departmentId: sam.departmentId,
    status: 'submitted',
    title: 'Automatic dunning for failed payments',
    description: 'Retry failed card payments and e-mail the customer.',
    businessBenefit: 'Recovers revenue lost to expired cards.',
  });
  await seedMeeting(db, cycle.id, people);
  await seedDeliverySchedule(db, people);
  return { cycle, themes, people };
}

/** The 2027-Q1 prioritisation meeting, planned but not yet distributed: the pm can send its pre-read. */
async function seedMeeting(db: Db, cycleId: number, people: Map<string, { id: number; role: Role }>) {
  const pm = people.get('pm@quorum.test')!;
  const scheduledAt = '2027-01-06T14:00:00.000Z';
  const meeting = (
    await db
      .insert(meetings)
      .values({
        cycleId,
        title: '2027-Q1 prioritisation',
        scheduledAt,
        durationMinutes: 120,
        location: 'Board room and video call',
        facilitatorId: pm.id,
        questionsCloseAt: '2027-01-05T14:00:00.000Z',
        createdAt: new Date().toISOString(),
      })
      .returning()
  )[0];
  const leaders = [...people.values()].filter((p) => p.role === 'leader');
  await db
    .insert(meetingAttendees)
    .values(leaders.map((l) => ({ meetingId: meeting.id, userId: l.id, role: 'voter' as const })));
  const agenda = await db
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.cycleId, cycleId), eq(items.status, 'curated')))
    .orderBy(asc(items.themeId), asc(items.id))
    .limit(12);
  await db.insert(agendaItems).values(agenda.map((a, position) => ({ meetingId: meeting.id, itemId: a.id, position })));
}

export async function isSeeded(db: Db): Promise<boolean> {
  return (first(await db.select({ n: count() }).from(users))?.n ?? 0) > 0;
}
