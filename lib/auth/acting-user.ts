import type { Role } from '@/db/schema';

/**
 * The person on whose behalf code runs. requireUser() and currentUser() return it, and every lib/
 * function that reads or writes for someone takes it first and checks what this person may do.
 */
export type ActingUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  departmentId: number;
  departmentName: string;
  /** Their chosen IANA zone for every time shown to them; null: pages use the browser's zone, e-mails UTC. */
  timeZone: string | null;
};
