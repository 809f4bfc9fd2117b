import { styleText } from 'node:util';
import wrapAnsi from 'wrap-ansi';

/**
 * One pino JSON line as one short line for a person at a terminal: time, level, message, the
 * error's message (which names the file and line for a broken knowledge file) and the other
 * fields as `key=value`. Stacks and pino's bookkeeping stay out: JSON logs carry them.
 */
export interface LogLineStyle {
  /** Colour the level; only when the terminal takes colour and NO_COLOR is unset. */
  readonly color: boolean;
  /** The terminal's columns: longer lines wrap between words, indented under the message. */
  readonly width?: number | undefined;
}

const LEVELS: Readonly<Record<number, { name: string; color: LevelColor }>> = {
  10: { name: 'TRACE', color: 'gray' },
  20: { name: 'DEBUG', color: 'gray' },
  30: { name: 'INFO', color: 'green' },
  40: { name: 'WARN', color: 'yellow' },
  50: { name: 'ERROR', color: 'red' },
  60: { name: 'FATAL', color: 'red' },
};
type LevelColor = 'gray' | 'green' | 'yellow' | 'red';

/** pino's own fields, and the location fields an error message already states. */
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'service', 'msg', 'err', 'v']);
const MAX_FIELD_CHARS = 80;
const MAX_LINE_CHARS = 400;
const MIN_WIDTH = 40;
const INDENT = '  ';

export function formatLogLine(jsonLine: string, style: LogLineStyle): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  const level = LEVELS[Number(record['level'])] ?? { name: 'LOG', color: 'gray' as const };
  const label = level.name.padEnd(5);
  const time = typeof record['time'] === 'number' ? clock(record['time']) : '';
  const errorText = errorMessage(record['err']);
  const message = [String(record['msg'] ?? ''), errorText].filter(Boolean).join(': ');
  const fields = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && !alreadySaid(value, errorText))
    .map(([key, value]) => `${key}=${brief(value)}`);
  const text = oneLine([message, ...fields].join('  '));
  const shortened = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS - 1)}…` : text;
  const head = style.color ? styleText(level.color, label, { validateStream: false }) : label;
  const line = `${time} ${head} ${shortened}`;
  const width = style.width;
  if (width === undefined || width < MIN_WIDTH) return `${line}\n`;
  const lines = wrapAnsi(line, width - INDENT.length, { hard: false }).split('\n');
  return `${lines.map((part, i) => (i === 0 ? part : INDENT + part)).join('\n')}\n`;
}

function clock(epochMs: number): string {
  return new Date(epochMs).toTimeString().slice(0, 8);
}

/**
 * The message of pino's serialised error, never the stack. pino appends each cause's message
 * (`outer: inner`); one that spans lines (a validator's JSON dump of its issues) is cut at its
 * first line, since the outer message already says what is wrong and where. JSON logs keep it all.
 */
function errorMessage(err: unknown): string {
  if (typeof err !== 'object' || err === null) return err === undefined ? '' : String(err);
  const { message } = err as { message?: unknown };
  if (typeof message !== 'string') return '';
  const firstLine = message.split('\n', 1)[0] ?? '';
  return firstLine === message ? message : firstLine.replace(/:\s*[[{(]?\s*$/, '');
}

/** A field the error message already shows (the file, the line, the entry) is not repeated. */
function alreadySaid(value: unknown, errorText: string): boolean {
  if (errorText === '') return false;
  return (typeof value === 'string' || typeof value === 'number') && errorText.includes(`${value}`);
}

function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
}

// Terminal escapes and direction overrides from user text must not reach the terminal raw.
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

function oneLine(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
