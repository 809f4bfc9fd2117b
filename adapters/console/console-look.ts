import type { Writable } from 'node:stream';
import { styleText } from 'node:util';
import wrapAnsi from 'wrap-ansi';
import { type Reply, renderPlainText } from '../../src/index.js';
import type { Env } from '../adapter.js';

/**
 * How the console dresses a reply for a terminal: lines wrapped at its width between words, the
 * source dimmed, suggestion numbers in colour. Anything that is not a terminal gets the plain
 * text unchanged, so pipes, files and scripts read exactly what `renderPlainText` says.
 */
export interface ConsoleLook {
  readonly color: boolean;
  /** Columns to wrap at; undefined when the terminal does not say. */
  readonly width: number | undefined;
}

/** Narrower than this, wrapping would put one word per line; the terminal's own wrap is better. */
const MIN_WIDTH = 20;

/**
 * Whether a stream takes colour: a terminal whose colour depth Node's `hasColors` accepts for
 * this environment (it honours NO_COLOR, FORCE_COLOR and TERM=dumb).
 */
export function colorOn(stream: Writable, env: Env): boolean {
  const tty = stream as Writable & { isTTY?: boolean; hasColors?: (env: Env) => boolean };
  return tty.isTTY === true && typeof tty.hasColors === 'function' && tty.hasColors(env);
}

/** The look for this output now (the width follows a resized terminal); undefined = plain text. */
export function consoleLookOf(output: Writable, color: boolean): ConsoleLook | undefined {
  const tty = output as Writable & { isTTY?: boolean; columns?: number };
  if (tty.isTTY !== true) return undefined;
  const columns = tty.columns;
  return { color, width: columns !== undefined && columns >= MIN_WIDTH ? columns : undefined };
}

/** A reply as the console shows it. */
export function renderConsoleReply(reply: Reply, look: ConsoleLook | undefined): string {
  const plain = renderPlainText(reply);
  if (look === undefined) return plain;
  // The reply's own text comes first; everything after it is the source, numbers, or a hint.
  const lines = plain.split('\n');
  const bodyLines = reply.text.split('\n').length;
  return renderConsoleText(lines.slice(0, bodyLines).join('\n'), lines.slice(bodyLines), look);
}

/**
 * A text and the lines that follow it (`Source: …`, `1. …`, a hint) as the console shows them;
 * joined by newlines, unchanged, when there is no look.
 */
export function renderConsoleText(
  body: string,
  after: readonly string[],
  look: ConsoleLook | undefined,
): string {
  if (look === undefined) return [body, ...after].join('\n');
  const style = (format: Format, text: string) =>
    look.color ? styleText(format, text, { validateStream: false }) : text;
  const out = [wrap(body, look.width)];
  for (const line of after) {
    const item = /^(\d+\.) (.*)$/s.exec(line);
    if (item !== null) {
      const [, number = '', text = ''] = item;
      const indent = ' '.repeat(number.length + 1);
      const wrapped = wrap(text, look.width === undefined ? undefined : look.width - indent.length);
      out.push(
        wrapped
          .split('\n')
          .map((part, i) =>
            i === 0 ? `${style(['bold', 'cyan'], number)} ${part}` : indent + part,
          )
          .join('\n'),
      );
    } else {
      out.push(
        wrap(line, look.width)
          .split('\n')
          .map((part) => style('dim', part))
          .join('\n'),
      );
    }
  }
  return out.join('\n');
}

type Format = Parameters<typeof styleText>[0];

/** Between words only: a word longer than the line stays whole on a line of its own. */
function wrap(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return wrapAnsi(text, width, { hard: false, trim: true });
}
