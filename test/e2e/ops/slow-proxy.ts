import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that holds every chunk from the client for `delayMs` before passing it
 * to the target: a slow store, so a question stays in flight long enough to send a signal during
 * it. Counting what clients send tells a test that the bot is waiting on the store right now.
 */
export interface SlowProxy {
  readonly port: number;
  /** Chunks received from clients so far. */
  readonly chunks: number;
  setDelay(ms: number): void;
  /** Waits until more than `count` chunks have arrived (bounded). */
  waitForChunksAbove(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSlowProxy(targetPort: number, delayMs: number): Promise<SlowProxy> {
  let delay = delayMs;
  let chunks = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => {
      chunks += 1;
      setTimeout(() => upstream.write(chunk), delay);
    });
    client.on('end', () => setTimeout(() => upstream.end(), delay));
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');

  return {
    port: address.port,
    get chunks() {
      return chunks;
    },
    setDelay(ms) {
      delay = ms;
    },
    async waitForChunksAbove(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (chunks <= count) {
        if (Date.now() > deadline) throw new Error(`no store traffic within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
