import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** tsx's loader by path, so a script also starts from a folder outside the project. */
const TSX = import.meta.resolve('tsx');

/**
 * Starts one of the project's TypeScript entry points as its npm script does
 * (`node --import tsx …`), in the project root, with a clean environment plus `env`.
 */
export function spawnScript(
  script: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
  cwd: string = PROJECT_ROOT,
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, join(PROJECT_ROOT, script), ...args], {
    cwd,
    // No .env values or platform credentials leak in from the developer's shell.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface ScriptResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one of the project's TypeScript entry points the way its npm script does
 * (`node --import tsx …`), with the given arguments, standard input and environment.
 */
export function runScript(
  script: string,
  args: readonly string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    timeoutMs?: number;
    /** The folder it starts in (where it looks for `.env`); default: the project root. */
    cwd?: string;
  } = {},
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawnScript(script, args, options.env, options.cwd);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
