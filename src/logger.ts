/**
 * The logging port. pino's logger satisfies it; tests pass a silent or recording one.
 * Context comes first (pino's order) so fields stay structured.
 */
export interface LogFn {
  (context: object, message?: string): void;
  (message: string): void;
}

export interface Logger {
  readonly debug: LogFn;
  readonly info: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
  child(bindings: Record<string, unknown>): Logger;
}

/** A logger that drops everything, for tests and scripts that want a quiet core. */
export function createSilentLogger(): Logger {
  const drop: LogFn = () => {};
  const logger: Logger = { debug: drop, info: drop, warn: drop, error: drop, child: () => logger };
  return logger;
}
