import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { createGateway, type Gateway } from './gateway-server.js';
import {
  nextSnowflake,
  randomToken,
  type SimChannel,
  type SimUser,
  snowflakeOnShard,
} from './payloads.js';
import { createRestRoutes } from './rest-routes.js';
import type { RestCall, RestInterceptor, SentMessage, SimulatorState } from './simulator-types.js';
import { createUserActions } from './user-actions.js';

export interface DiscordSimulatorOptions {
  readonly heartbeatIntervalMs?: number;
  readonly privilegedIntentsEnabled?: number;
  /** Close every IDENTIFY with this gateway close code, as Discord does for a refused login. */
  readonly identifyCloseCode?: number;
  /** Discord drops interaction callbacks that arrive later than this (3 s). */
  readonly interactionTimeoutMs?: number;
  /** Dispatch MESSAGE_CREATE for the bot's own channel messages, as Discord does. */
  readonly echoOwnMessages?: boolean;
  /**
   * The shard count `GET /gateway/bot` recommends (default 1). The world then holds one guild per
   * shard (`world.guilds[i]` lives on shard i of that many), each with a text channel.
   */
  readonly shards?: number;
}

export interface SimGuild {
  readonly id: string;
  readonly name: string;
  /** Its text channel. */
  readonly channel: SimChannel;
}

/** Ids and objects a test talks about: the bot, a guild with a text channel and a thread, users. */
export interface SimulatorWorld {
  readonly token: string;
  readonly applicationId: string;
  readonly bot: SimUser;
  readonly guild: { readonly id: string; readonly name: string };
  readonly channel: SimChannel;
  /** Every guild; the first is `guild` (with `channel`). More than one with the `shards` option. */
  readonly guilds: readonly SimGuild[];
  readonly thread: SimChannel;
  readonly alice: SimUser;
  readonly otherBot: SimUser;
  dmWith(user: SimUser): SimChannel;
}

function buildWorld(shards: number): SimulatorWorld {
  const guild = {
    id: shards === 1 ? nextSnowflake() : snowflakeOnShard(0, shards),
    name: 'Simulated guild',
  };
  const channel: SimChannel = { id: nextSnowflake(), type: 0, guildId: guild.id };
  const guilds: SimGuild[] = [{ ...guild, channel }];
  for (let shard = 1; shard < shards; shard++) {
    const id = snowflakeOnShard(shard, shards);
    guilds.push({
      id,
      name: `Simulated guild ${shard}`,
      channel: { id: nextSnowflake(), type: 0, guildId: id },
    });
  }
  const dms = new Map<string, SimChannel>();
  return {
    token: `${randomToken()}.sim`,
    applicationId: nextSnowflake(),
    bot: { id: nextSnowflake(), username: 'kb-bot', bot: true },
    guild,
    channel,
    guilds,
    thread: { id: nextSnowflake(), type: 11, guildId: guild.id, parentId: channel.id },
    alice: { id: nextSnowflake(), username: 'alice' },
    otherBot: { id: nextSnowflake(), username: 'other-bot', bot: true },
    dmWith(user) {
      const existing = dms.get(user.id);
      if (existing) return existing;
      const dm: SimChannel = { id: nextSnowflake(), type: 1, recipient: user };
      dms.set(user.id, dm);
      return dm;
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A local Discord for end-to-end tests: REST under `/api/v10` and a gateway WebSocket, both on
 * 127.0.0.1 with a free port. Point discord.js at `apiUrl` (`rest: { api }`); it finds the gateway
 * through `GET /gateway/bot`.
 */
export async function startDiscordSimulator(options: DiscordSimulatorOptions = {}) {
  const world = buildWorld(options.shards ?? 1);
  const guildChannels = world.guilds.map((g) => g.channel);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const state: SimulatorState = {
    token: world.token,
    applicationId: world.applicationId,
    botUser: world.bot,
    interactionTimeoutMs: options.interactionTimeoutMs ?? 3000,
    recommendedShards: options.shards ?? 1,
    gatewayUrl: '',
    restCalls: [],
    sentMessages: [],
    messages: new Map(),
    channels: new Map([...guildChannels, world.thread].map((c) => [c.id, c])),
    interactions: new Map(),
    commands: new Map(),
    interceptors: [],
    deletedMessages: new Set(),
    deniedPermissions: new Map(),
  };
  let gateway: Gateway | undefined;
  const echo = options.echoOwnMessages ?? true;

  const route = createRestRoutes(state, {
    messageSent(message) {
      events.emit('message', message);
      if (echo && message.via === 'channel' && gateway?.session) {
        // Discord sends the bot its own messages too; a bot that answers them loops.
        setImmediate(() => gateway?.dispatch('MESSAGE_CREATE', message.raw));
      }
    },
  });

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const rawPath = url.pathname.replace(/^\/api\/v\d+/, '');
    const path = decodeURIComponent(rawPath);
    const body = await readBody(request);
    const authorization = request.headers.authorization;
    const answer = route(request.method ?? 'GET', path, authorization, body, url.searchParams);
    const call: RestCall = {
      method: request.method ?? 'GET',
      path,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      authorization,
      body,
      status: answer.status,
      at: Date.now(),
    };
    state.restCalls.push(call);
    events.emit('rest', call);
    if (answer.body === undefined) {
      response.writeHead(answer.status, { ...answer.headers });
      response.end();
      return;
    }
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  }

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: String(error), code: 0 }));
    });
  });
  const sockets = new WebSocketServer({ server });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  state.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
  const gw = createGateway(state, sockets, events, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    privilegedIntentsEnabled: options.privilegedIntentsEnabled ?? 0,
    ...(options.identifyCloseCode === undefined
      ? {}
      : { identifyCloseCode: options.identifyCloseCode }),
    guilds: world.guilds,
    channels: [...guildChannels, world.thread],
  });
  gateway = gw;

  /** Resolves with the first item (already recorded from `from`, or arriving) that matches. */
  function waitFor<T>(
    event: string,
    recorded: readonly T[],
    predicate: (item: T) => boolean,
    { from = 0, timeoutMs = 5000 }: { from?: number; timeoutMs?: number } = {},
  ): Promise<T> {
    const found = recorded.slice(from).find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        events.off(event, listener);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for a matching ${event}`));
      }, timeoutMs);
      const listener = (item: T) => {
        if (!predicate(item)) return;
        clearTimeout(timer);
        events.off(event, listener);
        resolve(item);
      };
      events.on(event, listener);
    });
  }

  const actions = createUserActions({ state, world, gateway: gw });

  return {
    world,
    port,
    /** REST base for discord.js `rest.api` and DISCORD_API_URL. */
    apiUrl: `http://127.0.0.1:${port}/api`,
    gateway: gw,
    restCalls: state.restCalls as readonly RestCall[],
    sentMessages: state.sentMessages as readonly SentMessage[],
    commands: state.commands as ReadonlyMap<string, readonly unknown[]>,
    events,

    /** The bot's presence: the latest PRESENCE_UPDATE (op 3), else that of IDENTIFY, or undefined. */
    get presence(): unknown {
      const update = gw.received.filter((frame) => frame.op === 3).at(-1);
      return update?.d ?? gw.identifies.at(-1)?.presence;
    },

    /** Intents of the latest IDENTIFY, or undefined before the bot identified. */
    get intents(): number | undefined {
      return gw.session?.intents;
    },

    ...actions,

    /** Makes matching REST calls answer with `override` (fault injection); returns a remover. */
    intercept(interceptor: RestInterceptor): () => void {
      state.interceptors.push(interceptor);
      return () => {
        const index = state.interceptors.indexOf(interceptor);
        if (index >= 0) state.interceptors.splice(index, 1);
      };
    },

    waitForRest(
      predicate: (call: RestCall) => boolean,
      opts?: { from?: number; timeoutMs?: number },
    ) {
      return waitFor('rest', state.restCalls, predicate, opts);
    },

    /** Waits for a message (or edit) the bot sent that matches. */
    waitForMessage(
      predicate: (message: SentMessage) => boolean,
      opts?: { from?: number; timeoutMs?: number },
    ) {
      return waitFor('message', state.sentMessages, predicate, opts);
    },

    waitForEvent<T>(name: 'identify' | 'resume' | 'connection' | 'frame', timeoutMs = 5000) {
      return waitFor<T>(name, [], () => true, { timeoutMs });
    },

    async stop(): Promise<void> {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type DiscordSimulator = Awaited<ReturnType<typeof startDiscordSimulator>>;
