/**
 * The static checks of `npm test` (types, lint, import rules, formatting) in two lanes at once: they
 * only read files, and on a two-core machine two at a time take about half as long as one after the
 * other. Each command's output is held back and printed whole when it ends, so lanes never interleave.
 */
import { spawn } from 'node:child_process';
import { withProjectBin } from './inherited-command';

type CheckResult = { script: string; code: number; ms: number };

/** Runs `command`, holding its output back and printing it whole, under `label`, when it ends. */
export function runCaptured(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<CheckResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: withProjectBin(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = (code: number) => {
      const ms = performance.now() - started;
      process.stdout.write(`\n--- ${label} (exit ${code}, ${(ms / 1000).toFixed(1)} s)\n${Buffer.concat(chunks)}`);
      resolve({ script: label, code, ms });
    };
    child.on('error', (error) => {
      chunks.push(Buffer.from(`Could not run ${command} ${args.join(' ')}: ${error.message}\n`));
      done(127);
    });
    child.on('exit', (code) => done(code ?? 1));
  });
}

/** Runs the lanes, each one script after another, and resolves to the first failure's exit code (0 when all pass). */
export async function runStaticChecks(lanes: string[][], env: NodeJS.ProcessEnv): Promise<number> {
  const results = (
    await Promise.all(
      lanes.map(async (lane) => {
        const out: CheckResult[] = [];
        for (const script of lane) out.push(await runCaptured(script, 'npm', ['run', script], env));
        return out;
      }),
    )
  ).flat();
  for (const r of results)
    console.log(`${r.script.padEnd(14)}${r.code === 0 ? 'passed' : 'FAILED'}  ${(r.ms / 1000).toFixed(1)} s`);
  return results.find((r) => r.code !== 0)?.code ?? 0;
}
