import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { guildObject, type SimChannel, shardOf, userObject } from './payloads.js';
import type { SimulatorState } from './simulator-types.js';

/** Intents Discord only grants when enabled in the Developer Portal (members, presences, content). */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface GatewayOptions {
  readonly heartbeatIntervalMs: number;
  /** Privileged intents switched on "in the portal"; asking for others closes with 4014. */
  readonly privilegedIntentsEnabled: number;
  /** Close every IDENTIFY with this code (4014: the portal no longer grants an intent…). */
  readonly identifyCloseCode?: number;
  readonly guilds: readonly { readonly id: string; readonly name: string }[];
  readonly channels: readonly SimChannel[];
}

export interface GatewaySession {
  readonly id: string;
  readonly intents: number;
  /** `[shard_id, shard_count]` from IDENTIFY; `[0, 1]` when the bot did not shard. */
  readonly shard: readonly [number, number];
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  readonly events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | undefined;
}

/** One accepted IDENTIFY. */
export interface GatewayIdentify {
  readonly session: string;
  readonly intents: number;
  readonly shard: readonly [number, number];
  /** The presence the bot identified with (status, activities), if any. */
  readonly presence?: unknown;
}

export interface GatewayFrame {
  readonly op: number;
  readonly d: unknown;
  readonly at: number;
  readonly connection: number;
}

/**
 * The gateway half of the simulator: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACK,
 * RESUME with replay, dispatch, and the faults later tests need (close codes, op 7, op 9, silence).
 * With sharding (IDENTIFY `shard: [id, count]`) each shard gets its guilds, and a dispatch goes to
 * the shard of its `guild_id` (DMs to shard 0), as on Discord.
 */
export function createGateway(
  state: SimulatorState,
  server: WebSocketServer,
  events: EventEmitter,
  options: GatewayOptions,
) {
  const sessions = new Map<string, GatewaySession>();
  const received: GatewayFrame[] = [];
  const identifies: GatewayIdentify[] = [];
  /** The live session of each shard id, for routing guild events. */
  const byShard = new Map<number, GatewaySession>();
  const connectionPaths: string[] = [];
  let current: GatewaySession | undefined;
  let acknowledgeHeartbeats = true;

  function send(socket: WebSocket | undefined, payload: object): void {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  function dispatchIn(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    session.events.push({ s: session.seq, t, d });
    send(session.socket, { op: 0, t, s: session.seq, d });
  }

  function identify(
    socket: WebSocket,
    d: { token?: unknown; intents?: unknown; shard?: unknown; presence?: unknown },
  ): void {
    if (d.token !== state.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    if (options.identifyCloseCode !== undefined) {
      socket.close(options.identifyCloseCode, 'Closed by the test.');
      return;
    }
    const intents = typeof d.intents === 'number' ? d.intents : Number.NaN;
    if (!Number.isInteger(intents) || intents < 0) {
      socket.close(4013, 'Invalid intent(s).');
      return;
    }
    if ((intents & PRIVILEGED_INTENTS & ~options.privilegedIntentsEnabled) !== 0) {
      socket.close(4014, 'Disallowed intent(s).');
      return;
    }
    const shard = readShard(d.shard);
    if (shard === undefined) {
      socket.close(4010, 'Invalid shard.');
      return;
    }
    const [shardId, shardCount] = shard;
    const guilds = options.guilds.filter((g) => shardOf(g.id, shardCount) === shardId);
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      intents,
      shard,
      seq: 0,
      events: [],
      socket,
    };
    sessions.set(session.id, session);
    current = session;
    byShard.set(shardId, session);
    dispatchIn(session, 'READY', {
      v: 10,
      user: { ...userObject({ ...state.botUser, bot: true }), verified: true, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${state.gatewayUrl}-resume`,
      shard: [shardId, shardCount],
      application: { id: state.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    });
    // discord.js waits (15 s by default) for a GUILD_CREATE for every guild READY listed.
    for (const guild of guilds) {
      const channels = options.channels.filter((c) => c.guildId === guild.id);
      dispatchIn(session, 'GUILD_CREATE', guildObject(guild, channels, state.botUser));
    }
    const identified: GatewayIdentify = {
      session: session.id,
      intents,
      shard,
      ...(d.presence === undefined ? {} : { presence: d.presence }),
    };
    identifies.push(identified);
    events.emit('identify', identified);
  }

  function resume(socket: WebSocket, d: { token?: unknown; session_id?: unknown; seq?: unknown }) {
    const session = sessions.get(String(d.session_id));
    if (!session || d.token !== state.token) {
      send(socket, { op: 9, d: false });
      return;
    }
    session.socket?.terminate();
    session.socket = socket;
    current = session;
    byShard.set(session.shard[0], session);
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const event of session.events.filter((e) => e.s > from)) {
      send(socket, { op: 0, t: event.t, s: event.s, d: event.d });
    }
    dispatchIn(session, 'RESUMED', null);
    events.emit('resume', { session: session.id, seq: from });
  }

  server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const connection = connectionPaths.push(request.url ?? '') - 1;
    events.emit('connection', { path: request.url ?? '', connection });
    socket.on('message', (data) => {
      let frame: { op?: unknown; d?: unknown };
      try {
        frame = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      const op = typeof frame.op === 'number' ? frame.op : -1;
      received.push({ op, d: frame.d, at: Date.now(), connection });
      events.emit('frame', { op, d: frame.d, connection });
      if (op === 1) {
        if (acknowledgeHeartbeats) send(socket, { op: 11 });
      } else if (op === 2) {
        identify(
          socket,
          (frame.d ?? {}) as {
            token?: unknown;
            intents?: unknown;
            shard?: unknown;
            presence?: unknown;
          },
        );
      } else if (op === 6) {
        resume(socket, (frame.d ?? {}) as { token?: unknown });
      } else if (op !== 3 && op !== 4 && op !== 8) {
        socket.close(4001, 'Unknown opcode.');
      }
    });
    socket.on('close', () => {
      for (const session of sessions.values()) {
        if (session.socket === socket) session.socket = undefined;
      }
    });
    send(socket, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs } });
  });

  function requireSession(): GatewaySession {
    if (!current) throw new Error('No gateway session: start the bot before dispatching events');
    return current;
  }

  /** The session Discord would deliver this event on: the shard of its guild, DMs on shard 0. */
  function sessionFor(d: unknown): GatewaySession {
    const session = requireSession();
    return session.shard[1] === 1 ? session : requireShard(shardIdFor(d, session.shard[1]));
  }

  function shardIdFor(d: unknown, shardCount: number): number {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    return typeof guildId === 'string' ? shardOf(guildId, shardCount) : 0;
  }

  function requireShard(shardId: number): GatewaySession {
    const session = byShard.get(shardId);
    if (!session) throw new Error(`No gateway session for shard ${shardId}: has it identified?`);
    return session;
  }

  return {
    received,
    connectionPaths,
    /** Every accepted IDENTIFY, with its shard. */
    identifies: identifies as readonly GatewayIdentify[],
    /** Shard ids whose latest session has an open connection, ascending. */
    get connectedShards(): number[] {
      return [...byShard.values()]
        .filter((session) => session.socket?.readyState === 1 /* OPEN */)
        .map((session) => session.shard[0])
        .sort((a, b) => a - b);
    },
    get session(): GatewaySession | undefined {
      return current;
    },
    /**
     * Sends a dispatch now (on the shard of its guild when the bot shards), or queues it for
     * replay if the bot is disconnected.
     */
    dispatch(t: string, d: unknown): void {
      dispatchIn(sessionFor(d), t, d);
    },
    /** Sends a dispatch on one shard whatever its guild, like a redelivery on the wrong shard. */
    dispatchToShard(shardId: number, t: string, d: unknown): void {
      dispatchIn(requireShard(shardId), t, d);
    },
    /** The shard a dispatch would go to, or undefined before the bot identified. */
    shardFor(d: unknown): number | undefined {
      return current ? shardIdFor(d, current.shard[1]) : undefined;
    },
    /** Closes the connection with a gateway close code (4000 resumable, 4004/4014 fatal…). */
    close(code: number, reason = ''): void {
      requireSession().socket?.close(code, reason);
    },
    /** Drops the TCP connection without a close frame (the client sees 1006). */
    terminate(): void {
      requireSession().socket?.terminate();
    },
    /** Op 9; `resumable` false also forgets the session so a RESUME fails. */
    invalidateSession(resumable: boolean): void {
      const session = requireSession();
      if (!resumable) sessions.delete(session.id);
      send(session.socket, { op: 9, d: resumable });
    },
    /** Op 7: ask the client to reconnect and resume. */
    requestReconnect(): void {
      send(requireSession().socket, { op: 7, d: null });
    },
    /** Stop (or restart) answering heartbeats, to exercise zombie-connection detection. */
    setHeartbeatAcks(enabled: boolean): void {
      acknowledgeHeartbeats = enabled;
    },
  };
}

/** IDENTIFY's optional `shard: [id, count]`; `[0, 1]` when absent, undefined when invalid. */
function readShard(value: unknown): readonly [number, number] | undefined {
  if (value === undefined) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const [shardId, shardCount] = [id as number, count as number];
  return shardCount >= 1 && shardId >= 0 && shardId < shardCount
    ? [shardId, shardCount]
    : undefined;
}

export type Gateway = ReturnType<typeof createGateway>;
