import { type ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';

/** The shared Redis: tests must never start, stop or flush anything on it. */
const SHARED_REDIS_PORT = 6379;
const READY_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 5_000;

export const REDIS_SERVER_MISSING =
  'redis-server is not installed, so the Redis store tests cannot run. Install it with ' +
  '`apt-get install -y redis-server` (.ci/run does this when it is missing).';

export interface RedisServerOptions {
  /** Starts the server with `requirepass`, to check that a password never reaches logs or errors. */
  readonly password?: string;
  /** A port chosen earlier (a bot already pointed at it while nothing listened); default: a free one. */
  readonly port?: number;
  /** The executable; tests of the "not installed" message name one that does not exist. */
  readonly command?: string;
}

/** A private `redis-server` on a free loopback port that a test may stop and restart at will. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:PORT`, without credentials. */
  readonly url: string;
  readonly running: boolean;
  /** Stops the server (SIGTERM, then SIGKILL after a bound); its data is gone (no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** Suspends it (SIGSTOP): connections stay open but nothing answers, like a hung server. */
  freeze(): void;
  /** Resumes a frozen server (SIGCONT). */
  thaw(): void;
}

/**
 * Starts `redis-server --port P --bind 127.0.0.1 --save '' --appendonly no` on a free port and
 * waits until it answers. Fails loudly, saying how to install it, when `redis-server` is missing.
 * Every server is killed when the test process exits, even if a test forgets to stop it.
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  let lastError: unknown;
  // A free port can be taken between probing and binding; a few tries make that race harmless.
  for (let attempt = 0; attempt < (options.port === undefined ? 3 : 1); attempt++) {
    const port = options.port ?? (await freeLoopbackPort());
    let child: ChildProcess | undefined;
    try {
      child = await spawnRedis(port, options);
      return handle(port, child, options);
    } catch (error) {
      if (error instanceof Error && error.message === REDIS_SERVER_MISSING) throw error;
      lastError = error;
    }
  }
  throw new Error(`could not start a test redis-server: ${String(lastError)}`, {
    cause: lastError,
  });
}

function handle(port: number, first: ChildProcess, options: RedisServerOptions): RedisServer {
  let child: ChildProcess | undefined = first;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    async stop() {
      const stopping = child;
      child = undefined;
      if (!stopping) return;
      stopping.kill('SIGCONT');
      await stopProcess(stopping);
    },
    async start() {
      if (child) throw new Error(`test redis-server on port ${port} is already running`);
      child = await spawnRedis(port, options);
    },
    freeze() {
      if (!child) throw new Error(`test redis-server on port ${port} is not running`);
      child.kill('SIGSTOP');
    },
    thaw() {
      child?.kill('SIGCONT');
    },
  };
}

/** A port the kernel just handed out on 127.0.0.1, never the shared Redis's. */
export async function freeLoopbackPort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address !== null ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port !== 0 && port !== SHARED_REDIS_PORT) return port;
  }
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

async function spawnRedis(port: number, options: RedisServerOptions): Promise<ChildProcess> {
  if (port === SHARED_REDIS_PORT) throw new Error('refusing to start a test Redis on 6379');
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tmpdir(),
    '--loglevel',
    'warning',
    ...(options.password !== undefined ? ['--requirepass', options.password] : []),
  ];
  const child = spawn(options.command ?? 'redis-server', args, {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const leftover of running) leftover.kill('SIGKILL');
    });
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const spawned = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(REDIS_SERVER_MISSING) : error),
    );
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `test redis-server on port ${port} exited early (${signal ?? code}): ${stderr.trim()}`,
        ),
      ),
    );
  });
  try {
    await Promise.race([waitForPong(port, options.password), spawned]);
  } catch (error) {
    if (child.exitCode === null && child.signalCode === null) await stopProcess(child);
    throw error;
  }
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** Polls until the server answers PING (or, with a password, AUTH), within a bound. */
async function waitForPong(port: number, password: string | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await ping(port, password)) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `test redis-server on port ${port} did not answer within ${READY_TIMEOUT_MS} ms: ${String(lastError)}`,
  );
}

function ping(port: number, password: string | undefined): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => socket.destroy(new Error('PING timed out')), 1_000);
    let reply = '';
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (!reply.includes('\r\n')) return;
      clearTimeout(timer);
      socket.destroy();
      // "-LOADING" and the like mean "up but not ready yet": poll again.
      resolve(reply.startsWith('+PONG') || reply.startsWith('+OK'));
    });
    socket.write(password !== undefined ? `AUTH ${password}\r\n` : 'PING\r\n');
  });
}
