import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnScript } from '../../support/run-script.js';

/** One parsed JSON log line from the bot's standard error. */
export type LogLine = Readonly<Record<string, unknown>> & { readonly msg?: string };

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** When the process ended (Date.now()). */
  readonly at: number;
}

/** `npm start` (adapters/main.ts) as a child process, its output collected as it arrives. */
export interface BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  logs(): LogLine[];
  /** Waits for a log line with this message (bounded); returns it. */
  waitForLog(message: string, timeoutMs?: number): Promise<LogLine>;
  waitForStdout(text: string, timeoutMs?: number): Promise<void>;
  readonly exited: Promise<Exit>;
}

/** Start-up is seconds of CPU on a busy machine; every wait is bounded, and the child is killed at the end. */
const HARD_LIMIT_MS = 60_000;

export function startBotProcess(env: Record<string, string>): BotProcess {
  const child = spawnScript('adapters/main.ts', [], env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), HARD_LIMIT_MS);
  const exited = new Promise<Exit>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, at: Date.now() });
    });
  });
  const logs = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const poll = async (what: string, check: () => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`waited for ${what}; stderr so far:\n${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    exited,
    async waitForLog(message, timeoutMs = 30_000) {
      await poll(`log "${message}"`, () => logs().some((l) => l.msg === message), timeoutMs);
      const line = logs().find((l) => l.msg === message);
      if (line === undefined) throw new Error(`log "${message}" vanished`);
      return line;
    },
    waitForStdout: (text, timeoutMs = 10_000) =>
      poll(`"${text}" on stdout`, () => stdout.includes(text), timeoutMs),
  };
}
