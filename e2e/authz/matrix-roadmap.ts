/**
 * The matrix rows of the roadmap: its pages, downloads and feed are for everyone signed in; its
 * links' admin page and actions are admin-only; a read-only link (/share/…) is public — every caller,
 * anonymous included, gets the page for an active link and a 404 for a revoked one.
 */
import { makeE2eRoadmapLink } from '../fixtures/roadmap';
import { allow, SIGNED_IN, str, type Row } from './rows';
import { cycle, EVERYONE, type Who } from './scene';

const ADMIN_ONLY = allow(['admin'], 'forbidden');
const READERS = allow(SIGNED_IN, 'forbidden');
const everyone = (kind: 'ok' | 'hidden') =>
  Object.fromEntries(EVERYONE.map((w) => [w, kind])) as Record<Who, 'ok' | 'hidden'>;

export const ROADMAP_ROWS: Row[] = [
  { target: 'page /roadmap', case: 'the roadmap', call: () => ({ page: '/roadmap' }), expect: READERS },
  {
    target: 'page /roadmap/changelog',
    case: 'the changelog',
    call: () => ({ page: '/roadmap/changelog' }),
    expect: READERS,
  },
  {
    target: 'GET /roadmap/changelog/export',
    case: 'the Markdown download',
    call: () => ({ page: '/roadmap/changelog/export' }),
    expect: READERS,
  },
  {
    target: 'GET /roadmap/changelog.atom',
    case: 'the feed',
    call: () => ({ page: '/roadmap/changelog.atom' }),
    expect: READERS,
  },
  {
    target: 'page /share/[token]',
    case: 'an active link',
    call: async (s) => ({ page: `/share/${(await makeE2eRoadmapLink(s.world, s.pm)).token}` }),
    expect: everyone('ok'),
  },
  {
    target: 'page /share/[token]',
    case: 'a revoked link',
    call: async (s) => ({ page: `/share/${(await makeE2eRoadmapLink(s.world, s.pm, { revoked: true })).token}` }),
    expect: everyone('hidden'),
  },
  {
    target: 'GET /share/[token]/changelog.atom',
    case: 'an active link',
    call: async (s) => ({ page: `/share/${(await makeE2eRoadmapLink(s.world, s.pm)).token}/changelog.atom` }),
    expect: everyone('ok'),
  },
  {
    target: 'GET /share/[token]/changelog.atom',
    case: 'a revoked link',
    call: async (s) => ({
      page: `/share/${(await makeE2eRoadmapLink(s.world, s.pm, { revoked: true })).token}/changelog.atom`,
    }),
    expect: everyone('hidden'),
  },
  {
    target: 'page /admin/roadmap-links',
    case: 'the links',
    call: () => ({ page: '/admin/roadmap-links' }),
    expect: ADMIN_ONLY,
  },
  {
    target: 'action createRoadmapLinkAction',
    case: 'a new link',
    call: () => ({ action: 'createRoadmapLinkAction', fields: { label: 'Matrix link' }, from: '/admin/roadmap-links' }),
    expect: ADMIN_ONLY,
  },
  {
    target: 'action revokeRoadmapLinkAction',
    case: 'an active link',
    call: async (s) => ({
      action: 'revokeRoadmapLinkAction',
      fields: { linkId: str((await makeE2eRoadmapLink(s.world, s.pm)).id), confirm: 'yes' },
      from: '/admin/roadmap-links',
    }),
    expect: ADMIN_ONLY,
  },
  {
    target: 'action setCycleSharedAction',
    case: 'a cycle shared',
    call: async (s) => ({
      action: 'setCycleSharedAction',
      fields: { cycleId: str((await cycle(s)).id), shared: 'true' },
      from: '/admin/roadmap-links',
    }),
    expect: ADMIN_ONLY,
  },
];
