import type { BotConfig } from '../src/index.js';
import type { Env } from './adapter.js';
import { ConfigError } from './config-error.js';
import type { OpsConfig } from './metrics/create-ops.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every way of running the bot shares; each platform adapter reads its own on top. */
export interface CoreConfig {
  readonly knowledgePath: string;
  readonly storeUrl: string | undefined;
  readonly logLevel: LogLevel | undefined;
  /** The core's tunables that operators set; anything unset keeps the core's default. */
  readonly bot: Partial<BotConfig>;
  /** `/healthz` and `/metrics`; undefined (no METRICS_PORT) turns them off. */
  readonly ops: OpsConfig | undefined;
  /** How long a shutdown may finish replies in flight before the process gives up (unset: 10 s). */
  readonly shutdownTimeoutMs: number | undefined;
  /** Where trained calibrations are kept between starts; undefined trains at every start. */
  readonly trainingCacheDir: string | undefined;
}

export const DEFAULT_KNOWLEDGE_PATH = 'knowledge';
export const DEFAULT_METRICS_HOST = '127.0.0.1';
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
/** Next to the SQLite store: `data/` is the bot's own, gitignored, and safe to delete. */
export const DEFAULT_TRAINING_CACHE_DIR = 'data/cache';
/** The TRAINING_CACHE_DIR value that turns the cache off. */
export const NO_TRAINING_CACHE = 'none';

/** Reads and validates the shared settings once, naming the variable to fix when one is wrong. */
export function readCoreConfig(env: Env): CoreConfig {
  const logLevel = blankToUndefined(env['LOG_LEVEL']);
  if (logLevel !== undefined && !isLogLevel(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`,
    );
  }
  const perMinute = readNumber(env, 'RATE_LIMIT_PER_MINUTE', { min: 0 });
  const retentionDays = readNumber(env, 'RETENTION_DAYS', { min: 1 });
  const contextMinutes = readNumber(env, 'CONVERSATION_TTL_MINUTES', { min: 1 });
  const metricsPort = readNumber(env, 'METRICS_PORT', { min: 0, max: 65_535 });
  const metricsHost = blankToUndefined(env['METRICS_HOST']);
  if (metricsHost !== undefined && metricsPort === undefined) {
    throw new ConfigError(
      'METRICS_PORT',
      'is not set, but METRICS_HOST is: set a port to serve /metrics and /healthz, or unset METRICS_HOST',
    );
  }
  const shutdownTimeoutMs = readNumber(env, 'SHUTDOWN_TIMEOUT_MS', { min: 1 });
  const trainingCacheDir =
    blankToUndefined(env['TRAINING_CACHE_DIR']) ?? DEFAULT_TRAINING_CACHE_DIR;
  return {
    knowledgePath: blankToUndefined(env['KNOWLEDGE_PATH']) ?? DEFAULT_KNOWLEDGE_PATH,
    storeUrl: blankToUndefined(env['STORE_URL']),
    logLevel,
    bot: {
      ...(perMinute !== undefined && { rateLimit: { questions: perMinute, windowMs: 60_000 } }),
      ...(retentionDays !== undefined && { retentionMs: retentionDays * DAY_MS }),
      ...(contextMinutes !== undefined && { conversationTtlMs: contextMinutes * 60_000 }),
    },
    ops:
      metricsPort === undefined
        ? undefined
        : { port: metricsPort, host: metricsHost ?? DEFAULT_METRICS_HOST },
    shutdownTimeoutMs,
    trainingCacheDir: trainingCacheDir === NO_TRAINING_CACHE ? undefined : trainingCacheDir,
  };
}

const DAY_MS = 24 * 60 * 60_000;

/** A whole number from the environment, or undefined when unset; anything else names the variable. */
export function readNumber(
  env: Env,
  name: string,
  range: { min: number; max?: number },
): number | undefined {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^\d+$/.test(raw) || value < range.min || value > max) {
    throw new ConfigError(
      name,
      `must be a whole number from ${range.min}${range.max === undefined ? ' up' : ` to ${range.max}`} (got "${raw}")`,
    );
  }
  return value;
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** An empty variable (`FOO=` in .env) means unset, as people who comment out values expect. */
export function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
