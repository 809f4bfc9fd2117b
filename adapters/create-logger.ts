import { pino } from 'pino';
import type { Logger } from '../src/index.js';
import type { Env } from './adapter.js';

export interface LoggerOptions {
  /**
   * Secret values (tokens, passwords) to blank out of every line, wherever they appear: a field,
   * a message, an error's message, stack or cause. The composition root passes `secretValues(env)`.
   */
  readonly secrets?: readonly string[];
}

export const REDACTED = '[redacted]';

/**
 * JSON logs on standard error, so standard output stays free for the console chat and `ask --json`.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const destination = pino.destination({ fd: 2, sync: true });
  const scrub = createSecretScrubber(options.secrets ?? []);
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
          'password',
          'authorization',
          '*.token',
          '*.botToken',
          '*.appToken',
          '*.signingSecret',
          '*.password',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: REDACTED,
      },
    },
    // Field paths cannot reach a token inside an error message or a deeply nested config: the
    // finished line is scrubbed of the known secret values as well.
    scrub === undefined ? destination : { write: (line: string) => destination.write(scrub(line)) },
  );
}

/** Variables whose values are secrets, besides any named like `*_TOKEN`, `*_SECRET`, `*_PASSWORD`. */
const SECRET_VARIABLES = [
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
];
const SECRET_NAME = /(^|_)(TOKEN|SECRET|PASSWORD|API_KEY)$/;
/** Shorter values are not scrubbed: replacing a 3-letter word everywhere would garble every line. */
export const MIN_SECRET_LENGTH = 6;

/** The secret values in an environment: tokens, signing secrets and the password in `STORE_URL`. */
export function secretValues(env: Env): string[] {
  const values = Object.entries(env)
    .filter(([name]) => SECRET_VARIABLES.includes(name) || SECRET_NAME.test(name))
    .map(([, value]) => value?.trim() ?? '');
  const storeUrl = env['STORE_URL']?.trim();
  if (storeUrl) {
    const credentials = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)@/i.exec(storeUrl)?.[1];
    if (credentials !== undefined) {
      const password = credentials.slice(credentials.indexOf(':') + 1);
      values.push(password, safeDecode(password));
    }
  }
  return [...new Set(values)].filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/**
 * Returns a function that replaces each secret in a finished JSON line, in the forms it can take
 * there (JSON-escaped, percent-encoded), longest first; undefined when there is nothing to hide.
 * A match right after an odd number of backslashes is part of an escape (`\n` then the text), not
 * the secret; replacing it would break the line's JSON.
 */
export function createSecretScrubber(
  secrets: readonly string[],
): ((line: string) => string) | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of [secret, encodeURIComponent(secret)]) {
      forms.add(JSON.stringify(form).slice(1, -1));
    }
  }
  if (forms.size === 0) return undefined;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<=(?:^|[^\\\\])(?:\\\\\\\\)*)(?:${alternatives.join('|')})`, 'g');
  return (line) => line.replace(pattern, REDACTED);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
