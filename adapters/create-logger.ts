import { pino } from 'pino';
import type { Logger } from '../src/logger.js';

/**
 * JSON logs on standard error, so standard output stays free for the console chat and `ask --json`.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: 'kb-bot' },
      // Secrets must never reach a log line, whichever object carries them.
      redact: {
        paths: [
          'token',
          'botToken',
          'appToken',
          'signingSecret',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
