import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../../src/index.js';
import { OpsServerError } from './ops-server-error.js';

/** What `GET /healthz` reports; a load balancer only needs the status code. */
export interface HealthReport {
  /** `stopping` (503) once shutdown began, so a load balancer sends new work elsewhere. */
  readonly status: 'ok' | 'stopping';
  /** `degraded` after recent store errors: the bot answers, but without conversation memory. */
  readonly store: 'ok' | 'degraded';
  readonly knowledge: { readonly entries: number };
}

export interface OpsServerConfig {
  /** 0 picks a free port (tests); `address()` tells which. */
  readonly port: number;
  readonly host: string;
  readonly metrics: { readonly registry: Registry };
  readonly health: () => HealthReport;
  readonly logger?: Logger;
}

export interface OpsServer {
  start(): Promise<AddressInfo>;
  /** Stops listening and closes open connections. Safe to call twice. */
  stop(): Promise<void>;
  address(): AddressInfo | undefined;
}

export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';

/** A scrape that hangs must not hold shutdown: open connections are cut after this. */
const CLOSE_GRACE_MS = 1_000;

/**
 * The operations endpoints on their own port, apart from any platform traffic: `GET /healthz`
 * (JSON) and `GET /metrics` (Prometheus text). Only `node:http`; binds `host` (loopback by default).
 */
export function createOpsServer(config: OpsServerConfig): OpsServer {
  const server = createServer((request, response) => {
    void route(config, request, response);
  });
  let stopped: Promise<void> | undefined;

  const address = (): AddressInfo | undefined => {
    const value = server.address();
    return typeof value === 'object' && value !== null ? value : undefined;
  };

  return {
    address,
    start: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(
            new OpsServerError(
              'OPS_LISTEN',
              `Could not serve metrics on ${config.host}:${config.port} (${error.code ?? error.message}): set METRICS_PORT to a free port, or METRICS_HOST to an address of this machine`,
              { cause: error },
            ),
          );
        };
        server.once('error', onError);
        server.listen(config.port, config.host, () => {
          server.off('error', onError);
          const bound = address();
          if (bound) resolve(bound);
        });
      }),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return stopped;
    },
  };
}

async function route(
  config: OpsServerConfig,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://ops.invalid').pathname;
  if (path !== HEALTH_PATH && path !== METRICS_PATH) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found: try /healthz or /metrics\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  try {
    if (path === HEALTH_PATH) {
      const report = config.health();
      const status = report.status === 'ok' ? 200 : 503;
      send(response, status, 'application/json', JSON.stringify(report), request.method);
      return;
    }
    const body = await config.metrics.registry.metrics();
    send(response, 200, config.metrics.registry.contentType, body, request.method);
  } catch (error) {
    config.logger?.error({ err: error, path }, 'ops endpoint failed');
    // The body is ours, never the error's, so nothing a collector read leaks to the caller.
    send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
  }
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  method?: string,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(method === 'HEAD' ? undefined : body);
}
