import type { BadInputTarget } from './targets';

/**
 * Bad input for the roadmap. The downloads and feeds take no input but their path; a link's token
 * that opens nothing is a 404, which e2e/authz/matrix-roadmap.ts and lib/roadmap/links.test.ts cover.
 */
export const ROADMAP_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'GET /roadmap/changelog/export', from: 'the Markdown download', as: 'requestor', kinds: {} },
  { target: 'GET /roadmap/changelog.atom', from: 'the feed', as: 'requestor', kinds: {} },
  { target: 'GET /share/[token]/changelog.atom', from: 'an active link', as: 'requestor', kinds: {} },
  { target: 'action createRoadmapLinkAction', from: 'a new link', as: 'admin', kinds: { label: 'line' } },
  {
    target: 'action revokeRoadmapLinkAction',
    from: 'an active link',
    as: 'admin',
    kinds: { linkId: 'id', confirm: 'enum' },
  },
  {
    target: 'action setCycleSharedAction',
    from: 'a cycle shared',
    as: 'admin',
    kinds: { cycleId: 'id', shared: 'enum' },
  },
];
