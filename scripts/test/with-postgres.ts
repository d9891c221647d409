/**
 * `tsx scripts/test/with-postgres.ts <command> [args…]`: runs one command against a throw-away PostgreSQL
 * cluster (QUORUM_TEST_DB=postgres, QUORUM_TEST_PG_URL=<its URL>), then removes the cluster and exits with
 * the command's code. `npm run test:unit:pg` is this with `vitest run`. Unlike `npm test`, which skips the
 * PostgreSQL half when PostgreSQL is missing, this fails: it was asked for PostgreSQL and nothing else.
 */
import { runInherited } from './inherited-command';
import { postgresMissingBanner, startPostgresCluster } from './postgres-cluster';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: tsx scripts/test/with-postgres.ts <command> [args…]   e.g. … vitest run');
  process.exit(2);
}

const cluster = await startPostgresCluster().catch((error: Error) => {
  console.error(`Could not start the PostgreSQL test cluster:\n${error.message}`);
  process.exit(1);
});
if (!cluster) {
  console.error(postgresMissingBanner([`FAILED: no PostgreSQL to run \`${[command, ...args].join(' ')}\` against.`]));
  process.exit(1);
}
console.log(`PostgreSQL test cluster on ${cluster.url}`);

let code: number;
try {
  code = await runInherited(command, args, {
    ...process.env,
    QUORUM_TEST_DB: 'postgres',
    QUORUM_TEST_PG_URL: cluster.url,
  });
} finally {
  await cluster.stop();
}
process.exit(code);
