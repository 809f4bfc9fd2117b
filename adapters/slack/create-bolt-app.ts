import type { ServerResponse } from 'node:http';
import { App, HTTPReceiver, LogLevel, type webApi } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import { createAckingReceiver } from './acking-receiver.js';
import { guardBoltBodyParsing } from './bolt-body-guard.js';
import { createBoltLogger } from './bolt-logger.js';
import { guardRequestTimestamps } from './bolt-timestamp-guard.js';
import type { SlackConfig } from './slack-config.js';

/** HTTP mode answers `GET /healthz` with 200 once listening. */
export const HEALTH_PATH = '/healthz';

/**
 * Web API calls carry replies a user is waiting for: a few quick retries, not the client's default
 * of ten over thirty minutes. Rate limits (429) are still waited out as Slack asks.
 */
const WEB_API_OPTIONS = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
  timeout: 10_000,
} as const;

/**
 * The Bolt app for `config`: Socket Mode, or HTTP mode with our receiver (requests checked for a
 * future timestamp, payloads no listener takes acknowledged at once, `/healthz`).
 */
export function createBoltApp(config: SlackConfig, logger: Logger): App {
  const boltLogger = createBoltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...WEB_API_OPTIONS,
    retryConfig: { ...WEB_API_OPTIONS.retryConfig },
    ...(config.apiUrl !== undefined ? { slackApiUrl: config.apiUrl } : {}),
  };
  const common = {
    token: config.botToken,
    logger: boltLogger,
    logLevel: LogLevel.INFO,
    clientOptions,
    // auth.test runs in start(), where a rejected token becomes a clear error instead of an
    // unhandled rejection from the constructor.
    deferInitialization: true,
  };
  if (config.mode === 'socket') {
    return new App({ ...common, socketMode: true, appToken: config.appToken });
  }
  guardBoltBodyParsing();
  guardRequestTimestamps();
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret,
    port: config.port,
    logger: boltLogger,
    // For the load balancer's health check; Slack itself only POSTs to /slack/events.
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_request: unknown, response: ServerResponse) => {
          response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        },
      },
    ],
  });
  return new App({ ...common, receiver: createAckingReceiver(receiver, logger) });
}
