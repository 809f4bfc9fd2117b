import type { AddressInfo } from 'node:net';
import type { BotMetrics, Logger } from '../../src/index.js';
import { createOpsServer, type OpsServer } from './ops-server.js';
import { createPrometheusMetrics } from './prometheus-metrics.js';

/** Where `/healthz` and `/metrics` listen; absent (the default) turns them off. */
export interface OpsConfig {
  readonly port: number;
  readonly host: string;
}

/** Metrics and health as the composition root wires them: one object to start, drain and stop. */
export interface Ops {
  /** For `createBot`; undefined when metrics are off, so the core keeps its no-op default. */
  readonly metrics: BotMetrics | undefined;
  start(): Promise<void>;
  /** From now on `/healthz` answers 503, so a load balancer stops sending new work. */
  beginShutdown(): void;
  stop(): Promise<void>;
  address(): AddressInfo | undefined;
}

export function createOps(
  config: OpsConfig | undefined,
  deps: {
    readonly logger: Logger;
    readonly knowledgeEntries: () => number;
    /** The core state store's health: the one signal `/healthz` and `/metrics` report. */
    readonly storeHealthy: () => boolean;
  },
): Ops {
  if (config === undefined) {
    return {
      metrics: undefined,
      start: async () => {},
      beginShutdown: () => {},
      stop: async () => {},
      address: () => undefined,
    };
  }
  const metrics = createPrometheusMetrics({ storeHealthy: deps.storeHealthy });
  let stopping = false;
  const server: OpsServer = createOpsServer({
    ...config,
    metrics,
    logger: deps.logger,
    health: () => ({
      status: stopping ? 'stopping' : 'ok',
      store: deps.storeHealthy() ? 'ok' : 'degraded',
      knowledge: { entries: deps.knowledgeEntries() },
    }),
  });
  return {
    metrics,
    async start() {
      const { address, port } = await server.start();
      deps.logger.info({ host: address, port }, 'metrics and health listening');
    },
    beginShutdown() {
      stopping = true;
    },
    stop: () => server.stop(),
    address: () => server.address(),
  };
}
