import { describeError } from '../describe-error.js';

/**
 * Runs a command-line entry point: its resolved number is the exit status; a thrown error is
 * printed as `name: message` on standard error with status 1. Sets `exitCode` rather than calling
 * `exit()`, so pending output is flushed.
 */
export function runCli(name: string, main: () => Promise<number>): void {
  // `npm run -s ask -- … | head` closes the pipe early: the reader has what it wanted, so the
  // command stops quietly instead of dying on an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${describeError(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** Parses arguments, or prints the problem and the usage and returns undefined (exit status 2). */
export function parseOrExplain<T>(parse: () => T, usage: string): T | undefined {
  try {
    return parse();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`);
    return undefined;
  }
}
