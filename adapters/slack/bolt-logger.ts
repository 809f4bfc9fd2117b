import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

const SEVERITY: Readonly<Record<LogLevel, number>> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Presents our logger to Bolt, its Web API client and its Socket Mode client, so their lines
 * land in our log with `component: "slack"` instead of on the console. Bolt sets its level
 * (INFO unless told otherwise) and we honour it: Bolt's debug lines carry whole payloads.
 */
export function createBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let target = logger.child({ component: 'slack' });
  const emit =
    (at: LogLevel, write: (context: object, message: string) => void) =>
    (...parts: unknown[]): void => {
      if (SEVERITY[at] < SEVERITY[current]) return;
      const error = parts.find((part): part is Error => part instanceof Error);
      const message = parts
        .filter((part) => part !== error)
        .map(describe)
        .join(' ');
      write(error !== undefined ? { err: error } : {}, message || (error?.message ?? ''));
    };
  return {
    debug: emit(LogLevel.DEBUG, (context, message) => target.debug(context, message)),
    info: emit(LogLevel.INFO, (context, message) => target.info(context, message)),
    warn: emit(LogLevel.WARN, (context, message) => target.warn(context, message)),
    error: emit(LogLevel.ERROR, (context, message) => target.error(context, message)),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (name: string) => {
      target = logger.child({ component: 'slack', source: name });
    },
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part === undefined || part === null || typeof part !== 'object') return String(part);
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
