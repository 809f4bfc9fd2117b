import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import {
  createRecordingLogger,
  eventCallback,
  type FakeResponseUrls,
  type FakeSlackWebApi,
  formBody,
  interactionBody,
  type LogRecord,
  postAsSlack,
  startFakeResponseUrls,
  startFakeSlackWebApi,
  waitFor,
} from '../../support/slack-fake/index.js';
import { createTestBot, type TestBot } from './test-bot.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token';

/** The real Bolt app in HTTP mode on 127.0.0.1, talking to fake Slack servers and the real core. */
export interface HttpHarness {
  readonly bot: TestBot;
  readonly adapter: SlackAdapter;
  readonly api: FakeSlackWebApi;
  readonly responses: FakeResponseUrls;
  readonly logs: LogRecord[];
  /** `http://127.0.0.1:<port>/slack/events` */
  readonly url: string;
  sendEvent(
    event: Record<string, unknown>,
    options?: { eventId?: string; retryNum?: number },
  ): Promise<Response>;
  sendCommand(fields: Record<string, string>): Promise<Response>;
  sendInteraction(payload: Record<string, unknown>): Promise<Response>;
  /** The bot's log lines from `from` on that match, waiting up to `timeoutMs` for one. */
  waitForLog(
    match: (record: LogRecord) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<LogRecord>;
  close(): Promise<void>;
}

export interface HttpHarnessOptions {
  /** How often the adapter checks the knowledge for Home tab refreshes. */
  readonly homeRefreshMs?: number;
}

export async function startHttpHarness(options: HttpHarnessOptions = {}): Promise<HttpHarness> {
  const [bot, api, responses] = await Promise.all([
    createTestBot(),
    startFakeSlackWebApi({ botToken: BOT_TOKEN }),
    startFakeResponseUrls(),
  ]);
  const logger = createRecordingLogger();
  const adapter = createSlackAdapter(
    {
      mode: 'http',
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      port: 0,
      host: '127.0.0.1',
      apiUrl: api.url,
    },
    { bot, logger, ...options },
  );
  await adapter.start();
  const port = adapter.address()?.port;
  if (port === undefined) throw new Error('the Slack adapter did not report a port');
  const url = `http://127.0.0.1:${port}/slack/events`;

  return {
    bot,
    adapter,
    api,
    responses,
    logs: logger.records,
    url,
    sendEvent: (event, options = {}) =>
      postAsSlack(url, {
        body: JSON.stringify(
          eventCallback(event, {
            botUserId: api.botUserId,
            ...(options.eventId !== undefined ? { eventId: options.eventId } : {}),
          }),
        ),
        contentType: 'application/json',
        signingSecret: SIGNING_SECRET,
        ...(options.retryNum !== undefined
          ? { retryNum: options.retryNum, retryReason: 'http_timeout' }
          : {}),
      }),
    sendCommand: (fields) =>
      postAsSlack(url, {
        body: formBody(fields),
        contentType: 'application/x-www-form-urlencoded',
        signingSecret: SIGNING_SECRET,
      }),
    sendInteraction: (payload) =>
      postAsSlack(url, {
        body: interactionBody(payload),
        contentType: 'application/x-www-form-urlencoded',
        signingSecret: SIGNING_SECRET,
      }),
    waitForLog: (match, timeoutMs = 5000, from = 0) =>
      waitFor('a matching log line', () => logger.records.slice(from).find(match), timeoutMs),
    close: async () => {
      await adapter.stop();
      await Promise.all([api.close(), responses.close()]);
    },
  };
}
