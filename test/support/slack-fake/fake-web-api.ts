import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateMessage, validateView } from './message-validation.js';
import { waitFor } from './wait-for.js';

/** One Web API call as the fake received it, arguments decoded (`blocks` parsed from JSON). */
export interface WebApiCall {
  readonly method: string;
  /** Token from the `Authorization: Bearer …` header (or the `token` argument). */
  readonly token: string | undefined;
  readonly args: Readonly<Record<string, unknown>>;
}

/**
 * Makes calls to a method fail: Slack's `{ ok: false, error }` (with `status` and `error` both, that
 * JSON with that HTTP status), or an HTTP status with no JSON; `retryAfter` adds the header.
 */
export interface WebApiFailure {
  readonly error?: string;
  readonly status?: number;
  readonly retryAfter?: number;
  /** How many calls fail before the method works again; every call when absent. */
  readonly times?: number;
}

export interface FakeSlackWebApiOptions {
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
  /** The only bot token `auth.test` accepts; any `xoxb-` token when absent. */
  readonly botToken?: string;
}

export interface FakeSlackWebApi {
  /** Base URL for `clientOptions.slackApiUrl` / `SLACK_API_URL`, ending in `/api/`. */
  readonly url: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly calls: readonly WebApiCall[];
  callsTo(method: string): WebApiCall[];
  /** Waits until `method` has been called at least `count` times; returns those calls. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<WebApiCall[]>;
  fail(method: string, failure: WebApiFailure): void;
  /** Where `apps.connections.open` sends Socket Mode clients. */
  setSocketModeUrl(url: string | undefined): void;
  /** Forgets recorded calls and failures. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for Slack's Web API (`https://slack.com/api/<method>`): answers the methods
 * the adapter uses as Slack would, records every call, enforces Slack's message size rules and can
 * be told to fail a method. Binds 127.0.0.1 on a free port.
 */
export async function startFakeSlackWebApi(
  options: FakeSlackWebApiOptions = {},
): Promise<FakeSlackWebApi> {
  const botUserId = options.botUserId ?? 'UBOT0001';
  const botId = options.botId ?? 'BBOT0001';
  const teamId = options.teamId ?? 'TTEAM001';
  const calls: WebApiCall[] = [];
  const failures = new Map<string, { failure: WebApiFailure; remaining: number }>();
  let socketModeUrl: string | undefined;
  let nextTs = 1_700_000_000_000_100;

  const answer = (call: WebApiCall): Record<string, unknown> => {
    const { method, token, args } = call;
    switch (method) {
      case 'auth.test': {
        const accepted =
          token?.startsWith('xoxb-') === true &&
          (options.botToken === undefined || token === options.botToken);
        if (!accepted) return { ok: false, error: 'invalid_auth' };
        return {
          ok: true,
          url: 'https://fake-workspace.slack.test/',
          team: 'Fake Workspace',
          user: 'kb-bot',
          team_id: teamId,
          user_id: botUserId,
          bot_id: botId,
          is_enterprise_install: false,
        };
      }
      case 'apps.connections.open':
        if (token === undefined || !token.startsWith('xapp-')) {
          return { ok: false, error: 'invalid_auth' };
        }
        if (socketModeUrl === undefined) return { ok: false, error: 'not_allowed_token_type' };
        return { ok: true, url: `${socketModeUrl}?ticket=fake-${calls.length}` };
      case 'chat.postMessage': {
        if (typeof args['channel'] !== 'string') return { ok: false, error: 'channel_not_found' };
        const problem = validateMessage(args);
        if (problem !== undefined) return { ok: false, error: problem };
        const ts = `${Math.floor(nextTs / 1e6)}.${String(nextTs++ % 1e6).padStart(6, '0')}`;
        return {
          ok: true,
          channel: args['channel'],
          ts,
          message: { type: 'message', user: botUserId, bot_id: botId, ts, ...args },
        };
      }
      case 'chat.update': {
        if (typeof args['channel'] !== 'string') return { ok: false, error: 'channel_not_found' };
        if (typeof args['ts'] !== 'string') return { ok: false, error: 'message_not_found' };
        const problem = validateMessage(args);
        if (problem !== undefined) return { ok: false, error: problem };
        return { ok: true, channel: args['channel'], ts: args['ts'], text: args['text'] };
      }
      case 'views.publish': {
        if (typeof args['user_id'] !== 'string') return { ok: false, error: 'invalid_arguments' };
        const problem = validateView(args['view']);
        if (problem !== undefined) return { ok: false, error: problem };
        return { ok: true, view: { id: `V${calls.length}`, ...(args['view'] as object) } };
      }
      case 'reactions.add':
      case 'reactions.remove': {
        const complete = ['channel', 'timestamp', 'name'].every(
          (key) => typeof args[key] === 'string',
        );
        return complete ? { ok: true } : { ok: false, error: 'invalid_arguments' };
      }
      case 'chat.postEphemeral': {
        if (typeof args['user'] !== 'string') return { ok: false, error: 'user_not_in_channel' };
        const problem = validateMessage(args);
        if (problem !== undefined) return { ok: false, error: problem };
        return { ok: true, message_ts: `${Math.floor(nextTs++ / 1e6)}.000001` };
      }
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/api\//, '');
    const body = await readBody(request);
    const args = decodeArgs(body, request.headers['content-type']);
    const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '');
    const token = bearer || (typeof args['token'] === 'string' ? args['token'] : undefined);
    const call: WebApiCall = { method, token, args };
    calls.push(call);
    const failing = failures.get(method);
    if (failing !== undefined && failing.remaining > 0) {
      failing.remaining -= 1;
      const { status, error, retryAfter } = failing.failure;
      const headers = retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {};
      if (status !== undefined && error === undefined) {
        response.writeHead(status, { 'content-type': 'text/plain', ...headers });
        response.end('fake failure');
        return;
      }
      sendJson(response, { ok: false, error: error ?? 'internal_error' }, status, headers);
      return;
    }
    sendJson(response, answer(call));
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/api/`,
    botUserId,
    botId,
    teamId,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCalls: (method, count = 1, timeoutMs = 5000) =>
      waitFor(
        `${count} call(s) to ${method}`,
        () => {
          const matching = calls.filter((call) => call.method === method);
          return matching.length >= count ? matching : undefined;
        },
        timeoutMs,
      ),
    fail: (method, failure) => {
      failures.set(method, { failure, remaining: failure.times ?? Number.POSITIVE_INFINITY });
    },
    setSocketModeUrl: (url) => {
      socketModeUrl = url;
    },
    reset: () => {
      calls.length = 0;
      failures.clear();
    },
    close: () => closeServer(server),
  };
}

function sendJson(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API client sends form fields, with objects and arrays as JSON strings. */
function decodeArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
