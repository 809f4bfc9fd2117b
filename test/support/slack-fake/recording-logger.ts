import type { LogFn, Logger } from '../../../src/logger.js';

export interface LogRecord {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly context: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** A logger that keeps every line (with its child bindings) for assertions. */
export function createRecordingLogger(): Logger & { readonly records: LogRecord[] } {
  const records: LogRecord[] = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const at =
      (level: LogRecord['level']): LogFn =>
      (first: object | string, message?: string) => {
        if (typeof first === 'string')
          records.push({ level, context: { ...bindings }, message: first });
        else records.push({ level, context: { ...bindings, ...first }, message: message ?? '' });
      };
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return Object.assign(make({}), { records });
}
