import { BotError } from '../../src/index.js';

export type SlackErrorCode = 'SLACK_AUTH' | 'SLACK_CONNECT' | 'SLACK_LISTEN';

/** The Slack adapter could not start: Slack refused a token or the connection could not be made. */
export class SlackAdapterError extends BotError {
  constructor(code: SlackErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
