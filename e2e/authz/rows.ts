/**
 * The shape of the authorization matrix (matrix-*.ts): one row per target and ownership case, one
 * expected answer per kind of person. A row builds its own records for every cell (scene.ts), so
 * what one person's allowed write changes is never what the next person is judged on.
 */
import type { Answer, FormFields } from './http';
import { EVERYONE, type Scene, type Who } from './scene';

export type Expected = Answer['kind'];

export type Call =
  | { page: string }
  | { api: string; url: string; body?: unknown }
  | { action: string; fields: FormFields; from: string };

export type Row = {
  /** `page /x/[id]`, `POST /api/y`, `action nameAction`: as targets.ts names it. */
  target: string;
  /** The ownership or state case, e.g. "their own request", "published". */
  case: string;
  call: (s: Scene) => Call | Promise<Call>;
  expect: Record<Who, Expected>;
};

/** Anonymous is sent to sign in; the roles named are allowed; everyone else gets `others`. */
export function allow(roles: readonly Who[], others: Expected, overrides: Partial<Record<Who, Expected>> = {}) {
  const out = {} as Record<Who, Expected>;
  for (const who of EVERYONE) out[who] = who === 'anonymous' ? 'signin' : roles.includes(who) ? 'ok' : others;
  return { ...out, ...overrides };
}

export const SIGNED_IN: readonly Who[] = ['admin', 'pm', 'leader', 'engineer', 'requestor'];
export const BACKLOG: readonly Who[] = ['admin', 'pm', 'leader', 'engineer'];
export const MANAGERS: readonly Who[] = ['admin', 'pm'];

/** The cell's own id as a form field. */
export const str = (n: number) => String(n);
