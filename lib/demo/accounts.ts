import type { Role } from '@/db/schema';

/**
 * The demo's sign-ins, as the README lists them. A module of its own, free of server-only code, so
 * the end-to-end tests can sign in with them without loading the seed.
 */
export const DEMO_PASSWORD = 'quorum-demo';

/** The demo sign-ins the README lists. */
export const DEMO_USERS: { email: string; name: string; role: Role; department: string; active?: boolean }[] = [
  { email: 'admin@quorum.test', name: 'Ada Admin', role: 'admin', department: 'Engineering' },
  { email: 'pm@quorum.test', name: 'Priya Patel', role: 'pm', department: 'Engineering' },
  { email: 'leader.sales@quorum.test', name: 'Liam Sales', role: 'leader', department: 'Sales' },
  { email: 'leader.finance@quorum.test', name: 'Fatima Finance', role: 'leader', department: 'Finance' },
  { email: 'leader.ops@quorum.test', name: 'Omar Operations', role: 'leader', department: 'Operations' },
  { email: 'leader.cs@quorum.test', name: 'Chloe Success', role: 'leader', department: 'Customer Success' },
  { email: 'leader.marketing@quorum.test', name: 'Mia Marketing', role: 'leader', department: 'Marketing' },
  { email: 'leader.eng@quorum.test', name: 'Ethan Engineering', role: 'leader', department: 'Engineering' },
  { email: 'engineer@quorum.test', name: 'Erik Engineer', role: 'engineer', department: 'Engineering' },
  { email: 'engineer2@quorum.test', name: 'Nora Nakamura', role: 'engineer', department: 'Engineering' },
  { email: 'requestor@quorum.test', name: 'Rosa Requestor', role: 'requestor', department: 'Sales' },
  { email: 'requestor2@quorum.test', name: 'Sam Sato', role: 'requestor', department: 'Finance' },
  { email: 'former@quorum.test', name: 'Felix Former', role: 'requestor', department: 'Marketing', active: false },
];
