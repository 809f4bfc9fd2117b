import { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Bot, Logger } from '../../src/index.js';
import type { Adapter } from '../adapter.js';
import { createEventRuntime } from '../runtime/event-runtime.js';
import { createAckGate } from './ack-gate.js';
import { createHomePublisher } from './app-home.js';
import { createBoltApp } from './create-bolt-app.js';
import { createPrivateAnswers } from './private-answers.js';
import { createSignOfLife } from './sign-of-life.js';
import type { SlackConfig } from './slack-config.js';
import { SlackAdapterError } from './slack-error.js';
import { registerSlackHandlers, SLASH_COMMAND } from './slack-handlers.js';

export interface SlackAdapterDeps {
  readonly bot: Bot;
  readonly logger: Logger;
  /** How often open Home tabs are checked against the knowledge (a reload); 30 s by default. */
  readonly homeRefreshMs?: number;
}

/** The Slack adapter; `address()` tells where HTTP mode listens (port 0 picks a free one). */
export interface SlackAdapter extends Adapter {
  address(): AddressInfo | undefined;
}

/** How long `stop()` waits for replies in flight before giving up on them. */
const STOP_GRACE_MS = 10_000;

/** Answers in progress at once; enough to keep the core busy, few enough that acks go first. */
const ANSWER_CONCURRENCY = 8;

/**
 * Creates the Slack adapter: a Bolt app in Socket Mode or HTTP mode per `config`, logging through
 * our logger and talking to the core only through `bot`.
 */
export function createSlackAdapter(config: SlackConfig, deps: SlackAdapterDeps): SlackAdapter {
  const logger = deps.logger.child({ adapter: 'slack', mode: config.mode });
  const app = createBoltApp(config, logger);
  const gate = createAckGate();
  const runtime = createEventRuntime({
    platform: 'slack',
    logger,
    concurrency: ANSWER_CONCURRENCY,
    beforeWork: (queuedAt) => gate.open(queuedAt),
  });
  let state: 'created' | 'starting' | 'running' | 'stopped' = 'created';
  let server: Server | undefined;

  const home = createHomePublisher(
    { bot: deps.bot, client: app.client, logger },
    {
      slashCommand: SLASH_COMMAND,
      ...(deps.homeRefreshMs !== undefined && { refreshMs: deps.homeRefreshMs }),
    },
  );
  registerSlackHandlers(app, {
    bot: deps.bot,
    logger,
    runtime,
    client: app.client,
    home,
    signOfLife: createSignOfLife(app.client, logger),
    privateAnswers: createPrivateAnswers(),
  });

  return {
    name: 'slack',

    async start() {
      if (state !== 'created') throw new Error(`Slack adapter cannot start: it is ${state}`);
      state = 'starting';
      runtime.open();
      await verifyBotToken(app, config);
      const started = await openConnection(app, config);
      if (started instanceof Server) {
        server = started;
        gate.watch(started);
      }
      home.start();
      state = 'running';
      const address = server?.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      logger.info({ ...(port !== undefined ? { port } : {}) }, 'Slack adapter started');
    },

    async stop() {
      if (state === 'stopped') return;
      // A Socket Mode start still retrying `apps.connections.open` (Slack down) must stop retrying.
      const connected = state === 'running' || (state === 'starting' && config.mode === 'socket');
      state = 'stopped';
      home.stop();
      if (connected) {
        try {
          await app.stop();
        } catch (error) {
          logger.warn({ err: error }, 'Slack connection did not close cleanly');
        }
      }
      await runtime.drain(STOP_GRACE_MS);
      server = undefined;
      logger.info('Slack adapter stopped');
    },

    address() {
      const address = server?.address();
      return typeof address === 'object' && address !== null ? address : undefined;
    },
  };
}

async function verifyBotToken(app: App, config: SlackConfig): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    const slackError = platformErrorCode(error);
    if (slackError !== undefined) {
      throw new SlackAdapterError(
        'SLACK_AUTH',
        `Slack rejected SLACK_BOT_TOKEN (${slackError}): copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page, and reinstall the app if it was revoked`,
        { cause: error },
      );
    }
    throw new SlackAdapterError(
      'SLACK_CONNECT',
      `Could not reach the Slack Web API at ${config.apiUrl ?? 'https://slack.com/api/'} (${describe(error)}): check the network and SLACK_API_URL`,
      { cause: error },
    );
  }
}

async function openConnection(app: App, config: SlackConfig): Promise<unknown> {
  if (config.mode === 'socket') {
    try {
      return await app.start();
    } catch (error) {
      const slackError = platformErrorCode(error);
      throw new SlackAdapterError(
        'SLACK_CONNECT',
        `Could not open a Socket Mode connection (${slackError ?? describe(error)}): check that SLACK_APP_TOKEN is an app-level token (xapp-…) with connections:write and that Socket Mode is enabled in the app settings`,
        { cause: error },
      );
    }
  }
  try {
    return await app.start(
      config.host !== undefined ? { port: config.port, host: config.host } : config.port,
    );
  } catch (error) {
    throw new SlackAdapterError(
      'SLACK_LISTEN',
      `Could not listen for Slack on port ${config.port} (${describe(error)}): set SLACK_PORT to a free port`,
      { cause: error },
    );
  }
}

function platformErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const code = (data as { error?: unknown }).error;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
