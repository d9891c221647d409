/** Runs one command of the test run in the foreground: the terminal is its own, its exit code is the result. */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The environment with the project's node_modules/.bin first, so `vitest` or `playwright` resolve as in npm scripts. */
export function withProjectBin(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const bin = path.join(process.cwd(), 'node_modules', '.bin');
  return { ...env, PATH: [bin, env.PATH].filter(Boolean).join(path.delimiter) };
}

/**
 * Resolves to the command's exit code (128 + the signal's number when a signal ended it, as a shell reports it).
 * A signal sent to this process is passed on first, before any listener that exits (the PostgreSQL cluster's),
 * so the command is not left running on its own.
 */
export function runInherited(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: withProjectBin(env) });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED_SIGNALS) process.prependListener(signal, forward);
    const done = (code: number) => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
}
