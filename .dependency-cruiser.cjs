/**
 * Import rules, checked by `npm run lint:deps` (part of `npm test`). Data flows one way:
 * app/ → components/ → lib/ → db/. Server-only modules end in `.server.ts`; code a browser may
 * load (components, route components, and lib modules without that suffix) never imports them
 * except for types.
 */
// Tests may import anything they test; the rules are about the code that ships.
const TESTS = '\\.test\\.tsx?$|/test-[^/]+\\.ts$|^lib/testing/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import circles make the order of module evaluation fragile and hide which area owns what.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular-areas',
      severity: 'error',
      comment:
        'Areas of lib/ depend on each other one way only (meetings → prereads → questions, never back), so each can be read on its own.',
      scope: 'folder',
      from: { path: '^lib/[^/]+' },
      to: { circular: true },
    },
    {
      name: 'components-not-to-app',
      severity: 'error',
      comment:
        'Shared components never import routes: a component that calls an action lives beside its route (app/<route>/_components/) or takes the action as a prop.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'lib-not-to-ui',
      severity: 'error',
      comment: 'The domain (lib/) knows nothing of routes or components.',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'db-only-to-db',
      severity: 'error',
      comment:
        'db/ is the bottom layer: schema, client, migrations and row builders. It imports nothing of lib/, components/ or app/.',
      from: { path: '^db/' },
      to: { path: '^(lib|components|app)/' },
    },
    {
      name: 'components-not-to-db',
      severity: 'error',
      comment: 'Components get their data through lib/, never from db/ directly.',
      from: { path: '^(components/|app/.*/_components/)' },
      to: { path: '^db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-code-not-to-server-only',
      severity: 'error',
      comment:
        'Components and browser-safe lib modules must not pull server-only code (a .server.ts module) into a client bundle; types are fine.',
      from: { path: '^(components/|app/.*/_components/|lib/.*(?<!\\.server)\\.tsx?$)' },
      to: { path: '(\\.server\\.tsx?|^db/client\\.ts)$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: `^(node_modules|\\.next|data|test-results|playwright-report)/|${TESTS}` },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
