import type { Env } from './adapter.js';
import { ConfigError } from './config-error.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every way of running the bot shares; each platform adapter reads its own on top. */
export interface CoreConfig {
  readonly knowledgePath: string;
  readonly storeUrl: string | undefined;
  readonly logLevel: LogLevel | undefined;
}

export const DEFAULT_KNOWLEDGE_PATH = 'knowledge';

/** Reads and validates the shared settings once, naming the variable to fix when one is wrong. */
export function readCoreConfig(env: Env): CoreConfig {
  const logLevel = blankToUndefined(env['LOG_LEVEL']);
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`,
    );
  }
  return {
    knowledgePath: blankToUndefined(env['KNOWLEDGE_PATH']) ?? DEFAULT_KNOWLEDGE_PATH,
    storeUrl: blankToUndefined(env['STORE_URL']),
    logLevel,
  };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** An empty variable (`FOO=` in .env) means unset, as people who comment out values expect. */
export function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
