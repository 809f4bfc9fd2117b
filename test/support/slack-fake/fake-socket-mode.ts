import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { waitFor } from './wait-for.js';

/** What the app sent back for an envelope: Socket Mode's acknowledgement. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export interface FakeSocketModeOptions {
  /** How often the server pings (Slack's client reconnects after 30 s without one). */
  readonly pingIntervalMs?: number;
}

export interface FakeSocketMode {
  /** The `wss://…` URL `apps.connections.open` should return (here `ws://127.0.0.1:…`). */
  readonly url: string;
  /** Connections opened so far, including closed ones. */
  readonly connectionCount: number;
  /** Connections open now. */
  readonly openConnections: number;
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest connection; resolves with the app's ack. */
  send(type: string, payload: unknown, extra?: Record<string, unknown>): Promise<SocketAck>;
  /** An Events API envelope (`payload` is the `event_callback` body). */
  sendEvent(payload: unknown, retryAttempt?: number): Promise<SocketAck>;
  sendSlashCommand(payload: unknown): Promise<SocketAck>;
  sendInteractive(payload: unknown): Promise<SocketAck>;
  /** Slack's "please reconnect" message (`refresh_requested`, `warning`, …). */
  requestReconnect(reason?: string): void;
  /** Drops every connection without a word, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * A local Socket Mode endpoint: greets each connection with `hello` (which is what makes Bolt's
 * `start()` resolve), sends envelopes and collects the app's acks, and can ask the app to
 * reconnect or drop it. Binds 127.0.0.1 on a free port.
 */
export async function startFakeSocketMode(
  options: FakeSocketModeOptions = {},
): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const sockets: WebSocket[] = [];
  const pendingAcks = new Map<string, (ack: SocketAck) => void>();
  let connectionCount = 0;

  server.on('connection', (socket) => {
    connectionCount += 1;
    sockets.push(socket);
    const ping = setInterval(() => socket.ping(), options.pingIntervalMs ?? 5000);
    ping.unref();
    socket.on('close', () => {
      clearInterval(ping);
      sockets.splice(sockets.indexOf(socket), 1);
    });
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      pendingAcks.get(ack.envelope_id)?.(ack);
      pendingAcks.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: sockets.length,
        debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
        connection_info: { app_id: 'AFAKE0001' },
      }),
    );
  });

  const send = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => {
    const socket = sockets.at(-1);
    if (socket === undefined) return Promise.reject(new Error('no Socket Mode connection'));
    const envelopeId = randomUUID();
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within 5 s`));
      }, 5000);
      pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...extra,
        }),
      );
    });
  };

  return {
    url: `ws://127.0.0.1:${port}/link/`,
    get connectionCount() {
      return connectionCount;
    },
    get openConnections() {
      return sockets.length;
    },
    waitForConnections: async (count, timeoutMs = 5000) => {
      await waitFor(
        `${count} Socket Mode connection(s)`,
        () => (connectionCount >= count ? true : undefined),
        timeoutMs,
      );
    },
    send,
    sendEvent: (payload, retryAttempt = 0) =>
      send('events_api', payload, {
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt > 0 ? 'timeout' : '',
      }),
    sendSlashCommand: (payload) => send('slash_commands', payload),
    sendInteractive: (payload) => send('interactive', payload),
    requestReconnect: (reason = 'refresh_requested') => {
      for (const socket of sockets) {
        socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
      }
    },
    dropConnections: () => {
      for (const socket of [...sockets]) socket.terminate();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of [...sockets]) socket.terminate();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
