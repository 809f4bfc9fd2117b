import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A bench process under test: it prints one JSON line when ready and another when stopped. */
export interface BenchChild<Ready, Result> {
  readonly ready: Ready;
  /** SIGTERM, then the child's last JSON line (or undefined); killed if it takes longer than 20 s. */
  stop(): Promise<Result | undefined>;
}

/**
 * Starts `script` (a TypeScript file run with tsx) with `input` as its JSON argument. The system
 * under test runs in its own process so the load generator's CPU is not counted against it.
 */
export async function startBenchChild<Ready, Result = unknown>(
  script: string,
  input: unknown,
  { nodeArgs = [], startTimeoutMs = 60_000 }: { nodeArgs?: string[]; startTimeoutMs?: number } = {},
): Promise<BenchChild<Ready, Result>> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', script, JSON.stringify(input)],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: unknown[] = [];
  const waiters: (() => void)[] = [];
  let closed = false;
  // 'close' comes after the child's output is fully read, so no last line is missed.
  const exited = new Promise<void>((resolve) =>
    child.on('close', () => {
      closed = true;
      resolve();
    }),
  );
  if (child.stdout === null) throw new Error(`${script}: no stdout`);
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      lines.push(JSON.parse(line));
    } catch {
      process.stderr.write(`${line}\n`);
      return;
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (index: number, timeoutMs: number): Promise<unknown> => {
    const deadline = Date.now() + timeoutMs;
    while (lines.length <= index) {
      if (closed) throw new Error(`${script} exited (${child.exitCode ?? child.signalCode})`);
      if (Date.now() > deadline) throw new Error(`${script} said nothing for ${timeoutMs} ms`);
      await Promise.race([
        new Promise<void>((resolve) => waiters.push(resolve)),
        new Promise((resolve) => setTimeout(resolve, 100)),
      ]);
    }
    return lines[index];
  };
  let ready: Ready;
  try {
    ready = (await next(0, startTimeoutMs)) as Ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    ready,
    async stop() {
      if (!closed) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      return lines[1] as Result | undefined;
    },
  };
}

/** For the child side: its JSON argument, and a way to say one line to the parent. */
export function childInput<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

export function tellParent(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
