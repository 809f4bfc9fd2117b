import { PassThrough, Writable } from 'node:stream';
import { WriteStream } from 'node:tty';
import { stripVTControlCharacters, styleText } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../adapters/console/console-adapter.js';
import { colorOn, renderConsoleReply } from '../../adapters/console/console-look.js';
import type { Bot } from '../../src/bot-types.js';
import { createSilentLogger } from '../../src/logger.js';
import { renderPlainText } from '../../src/render-plain-text.js';
import type { Reply } from '../../src/reply.js';
import { createShippedBot, query } from '../support/shipped-bot.js';

/** An SGR sequence: colour, dim, bold. Cursor moves of readline's prompt are not colour. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);

/** A terminal output of a given width that records what is written to it. */
function fakeTerminal(columns: number | undefined, isTTY = true) {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  Object.assign(stream, { isTTY, columns });
  return { stream, text: () => written };
}

/** Runs the console on these lines and returns everything it wrote. */
async function converse(lines: readonly string[], output: Writable, color: boolean, bot: Bot) {
  const input = new PassThrough();
  const adapter = createConsoleAdapter(
    { input, output, interactive: true, color },
    { bot, logger: createSilentLogger() },
  );
  await adapter.start();
  for (const line of lines) input.write(`${line}\n`);
  input.write('/quit\n');
  await adapter.done;
}

const QUESTIONS = ['who is randa slim', 'how many us troops are in germany', '/help'];

let bot: Bot;
const replies: Reply[] = [];
beforeAll(async () => {
  bot = await createShippedBot();
  // The console sends /help to the core as an empty question.
  for (const q of QUESTIONS) replies.push(await bot.handle(query(q === '/help' ? '' : q)));
});

describe('GIVEN replies rendered for a terminal 60 columns wide', () => {
  it('THEN every line fits, lines break only between words, and no word is lost', () => {
    for (const reply of replies) {
      const plain = renderPlainText(reply);
      const shown = stripVTControlCharacters(renderConsoleReply(reply, { color: true, width: 60 }));
      for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
      // Same words in the same order: a word cut in two would show up as two different words.
      expect(shown.split(/\s+/)).toEqual(plain.split(/\s+/));
    }
  });

  it('THEN a long suggestion continues under its text, not under its number', () => {
    // Help lists the knowledge's example questions, some longer than 40 columns.
    const help = replies[2] as Reply;
    const shown = stripVTControlCharacters(renderConsoleReply(help, { color: false, width: 40 }));
    const lines = shown.split('\n');
    const first = lines.findIndex((line) => line.startsWith('1. '));
    expect(first).toBeGreaterThan(0);
    const continued = lines.slice(first + 1).find((line) => !/^\d+\. /.test(line));
    expect(continued).toMatch(/^ {3}\S/);
  });

  it('THEN with colour the source is dimmed and the numbers are coloured; without, no escape codes', () => {
    const [answer, , help] = replies as [Reply, Reply, Reply];
    const coloured = renderConsoleReply(answer, { color: true, width: 60 });
    expect(coloured).toContain('\u001b[2mSource: Scripps News');
    expect(renderConsoleReply(help, { color: true, width: 60 })).toContain(
      `${styleText(['bold', 'cyan'], '1.', { validateStream: false })} How long`,
    );
    for (const reply of replies)
      expect(renderConsoleReply(reply, { color: false, width: 60 })).not.toMatch(SGR);
  });

  it('THEN output that is not a terminal is exactly the plain text', () => {
    for (const reply of replies)
      expect(renderConsoleReply(reply, undefined)).toBe(renderPlainText(reply));
  });
});

describe('GIVEN the console adapter writing to a fake terminal', () => {
  it('WHEN it is 60 columns wide with colour THEN answers wrap at 60 between words and carry colour', async () => {
    const terminal = fakeTerminal(60);
    await converse(QUESTIONS, terminal.stream, true, bot);
    const written = terminal.text();
    expect(written).toMatch(SGR);
    const shown = stripVTControlCharacters(written);
    for (const line of shown.split('\n'))
      expect(line.replace(/^> /, '').length).toBeLessThanOrEqual(60);
    expect(shown).toContain('According to Scripps News, Randa Slim is a senior fellow at\nthe');
  });

  it('WHEN colour is off (NO_COLOR) THEN nothing it writes has a colour code, and it still wraps', async () => {
    const terminal = fakeTerminal(60);
    await converse(QUESTIONS, terminal.stream, false, bot);
    expect(terminal.text()).not.toMatch(SGR);
    expect(terminal.text()).toContain('senior fellow at\nthe');
  });

  it('WHEN the output is not a terminal THEN it writes the plain text, byte for byte', async () => {
    const output = fakeTerminal(undefined, false);
    const input = new PassThrough();
    const adapter = createConsoleAdapter(
      { input, output: output.stream, interactive: false, color: true },
      { bot: await createShippedBot(), logger: createSilentLogger() },
    );
    await adapter.start();
    input.end(`${QUESTIONS.slice(0, 2).join('\n')}\n`);
    await adapter.done;
    const expected = replies.slice(0, 2).map((reply) => `${renderPlainText(reply)}\n`);
    expect(output.text()).toBe(expected.join(''));
  });
});

describe('colorOn', () => {
  // Node's own colour-depth rules, on a stream that claims to be a terminal.
  const tty = Object.assign(new Writable(), {
    isTTY: true,
    hasColors: WriteStream.prototype.hasColors,
    getColorDepth: WriteStream.prototype.getColorDepth,
  });

  it('GIVEN a colour terminal THEN colour; GIVEN NO_COLOR, TERM=dumb or no terminal THEN none', () => {
    expect(colorOn(tty, { TERM: 'xterm-256color' })).toBe(true);
    expect(colorOn(tty, { TERM: 'xterm-256color', NO_COLOR: '1' })).toBe(false);
    expect(colorOn(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorOn(new Writable(), { TERM: 'xterm-256color' })).toBe(false);
  });
});
