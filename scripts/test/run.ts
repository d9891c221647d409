/**
 * `npm test`: every check, step after step, stopping at the first failure. The unit tests run twice, at
 * once, on SQLite and on a throw-away PostgreSQL cluster this script starts (scripts/test/postgres-cluster.ts); without
 * PostgreSQL installed that half is skipped with a banner no one can miss. The cluster is stopped and removed
 * at the end, also after a failure, and the run exits with the failed step's code.
 */
import { runInherited } from './inherited-command';
import { runCaptured, runStaticChecks } from './static-checks';
import { postgresMissingBanner, startPostgresCluster, type PostgresCluster } from './postgres-cluster';

type Outcome = 'passed' | 'FAILED' | 'SKIPPED' | 'not run';
interface Step {
  name: string;
  /** The exit code, or 'skipped'. */
  run: () => Promise<number | 'skipped'>;
}
interface StepResult {
  name: string;
  outcome: Outcome;
  ms: number;
}

// Both halves are decided here: whatever the calling shell had set must not turn the SQLite run into another.
const baseEnv: NodeJS.ProcessEnv = { ...process.env };
delete baseEnv.QUORUM_TEST_DB;
delete baseEnv.QUORUM_TEST_PG_URL;

// An object, not a `let`: steps set it from callbacks, which TypeScript's narrowing does not follow.
const postgres: { cluster: PostgresCluster | null; skipped: boolean } = { cluster: null, skipped: false };
const skippedBanner = () =>
  postgresMissingBanner([
    'PostgreSQL half SKIPPED: the unit tests did not run on PostgreSQL, and the e2e suite ran without',
    'QUORUM_TEST_PG_URL. This run says nothing about PostgreSQL.',
  ]);

const steps: Step[] = [
  {
    name: 'typecheck, lint, lint:deps, format:check',
    run: () =>
      runStaticChecks(
        [
          ['lint', 'lint:deps'],
          ['typecheck', 'format:check'],
        ],
        baseEnv,
      ),
  },
  {
    name: 'start PostgreSQL',
    run: async () => {
      try {
        postgres.cluster = await startPostgresCluster();
      } catch (error) {
        console.error(`Could not start the PostgreSQL test cluster:\n${(error as Error).message}`);
        return 1;
      }
      if (postgres.cluster) {
        console.log(`PostgreSQL test cluster on ${postgres.cluster.url}`);
        return 0;
      }
      postgres.skipped = true;
      console.error(skippedBanner());
      return 'skipped';
    },
  },
  {
    // At once: the PostgreSQL half spends much of its time waiting on the database, so the two
    // together take about two thirds of one after the other on two cores. The build follows the
    // SQLite half in its lane: it starts while the PostgreSQL half is still waiting on its database,
    // on the core that half leaves idle. Each command's output is printed whole when it ends.
    name: 'unit tests (SQLite, then build ∥ PostgreSQL)',
    run: async () => {
      const url = postgres.cluster?.url;
      const sqliteThenBuild = async () => {
        const unit = await runCaptured('unit tests (SQLite)', 'npx', ['vitest', 'run'], baseEnv);
        if (unit.code !== 0) return [unit];
        return [unit, await runCaptured('build', 'npm', ['run', 'build'], baseEnv)];
      };
      const lanes = [sqliteThenBuild()];
      if (url)
        lanes.push(
          runCaptured('unit tests (PostgreSQL)', 'npx', ['vitest', 'run'], {
            ...baseEnv,
            QUORUM_TEST_DB: 'postgres',
            QUORUM_TEST_PG_URL: url,
          }).then((r) => [r]),
        );
      const results = (await Promise.all(lanes)).flat();
      for (const r of results)
        console.log(`${r.script.padEnd(26)}${r.code === 0 ? 'passed' : 'FAILED'}  ${seconds(r.ms)}`);
      return results.find((r) => r.code !== 0)?.code ?? 0;
    },
  },
  {
    name: 'e2e (Playwright)',
    run: () => {
      const url = postgres.cluster?.url;
      const env = url ? { ...baseEnv, QUORUM_TEST_PG_URL: url } : baseEnv;
      return runInherited('npx', ['playwright', 'test'], env);
    },
  },
];

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  // Whole seconds first, so 13 min 59.6 s reads "14 min 0 s", not "13 min 60 s".
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

async function timed(name: string, run: () => Promise<number | 'skipped'>): Promise<StepResult & { code: number }> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const code = result === 'skipped' ? 0 : result;
  const outcome: Outcome = result === 'skipped' ? 'SKIPPED' : code === 0 ? 'passed' : 'FAILED';
  const detail = outcome === 'FAILED' ? ` (exit ${code})` : '';
  console.log(`\n=== ${name}: ${outcome}${detail} in ${seconds(ms)}`);
  return { name, outcome, ms, code };
}

function printSummary(results: StepResult[]) {
  const width = Math.max(...results.map((r) => r.name.length), 'total'.length) + 2;
  const rows = results.map((r) => `${r.name.padEnd(width)}${r.outcome.padEnd(10)}${r.ms ? seconds(r.ms) : ''}`);
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  console.log(['', 'npm test summary', '-'.repeat(width + 20), ...rows, '-'.repeat(width + 20)].join('\n'));
  console.log(`${'total'.padEnd(width)}${''.padEnd(10)}${seconds(total)}`);
}

const results: StepResult[] = [];
let exitCode = 0;
try {
  for (const [index, step] of steps.entries()) {
    if (exitCode !== 0) {
      results.push({ name: step.name, outcome: 'not run', ms: 0 });
      continue;
    }
    console.log(`\n=== [${index + 1}/${steps.length}] ${step.name}`);
    const result = await timed(step.name, step.run);
    results.push(result);
    exitCode = result.code;
  }
} finally {
  const { cluster } = postgres;
  if (cluster) {
    const stop = async () => {
      await cluster.stop();
      return 0;
    };
    results.push(await timed('stop PostgreSQL', stop));
  }
}

printSummary(results);
// Said again at the end: the first banner has long scrolled away behind the build and the e2e output.
if (postgres.skipped) console.error(skippedBanner());
process.exit(exitCode);
