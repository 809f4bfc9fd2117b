import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-script.js';

/**
 * `npm start` in a real pseudo-terminal (util-linux `script`), 60 columns wide, as a person runs
 * it: standard output and standard error are both the terminal, so the logs take their terminal
 * form and share the screen with the prompt.
 */
const entry = (id: string, topic: string, answer: string) => `  - id: ${id}
    questions:
      - What is the ${topic}?
      - tell me the ${topic}
      - ${topic}?
      - whats the ${topic}
      - Which ${topic} is it?
      - the ${topic} please
    answer: ${answer}
`;
const GOOD = `version: 1\nthresholds: { answer: 0.5, clarify: 0.3 }\nentries:\n${entry('colour', 'favourite colour', 'It is blue, the colour of a clear sky on a summer afternoon when the sun is high.')}${entry('animal', 'favourite animal', 'It is the owl.')}`;
const BROKEN = GOOD.replace('id: animal', 'id: Favourite Animal');

function startInTerminal(knowledge: string) {
  const command = `stty cols 60 rows 40; exec ${process.execPath} --import tsx adapters/main.ts`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      TERM: 'xterm-256color',
      STORE_URL: 'memory://',
      KNOWLEDGE_PATH: knowledge,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
  });
  const until = async (done: (text: string) => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!done(screen)) {
      if (Date.now() > deadline)
        throw new Error(`no ${what} on the terminal: ${screen.slice(-600)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, screen: () => screen, until };
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('GIVEN the console chat in a 60-column terminal', () => {
  it('WHEN the knowledge file breaks during hot reload THEN one readable log line names file:line and the prompt comes back with what was typed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-tty-'));
    const file = join(dir, 'kb.yaml');
    await writeFile(file, GOOD);
    const terminal = startInTerminal(file);
    cleanup = async () => {
      terminal.child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    };
    await terminal.until((s) => s.includes('> '), 'prompt');
    terminal.child.stdin.write('What is the favourite colour?\r');
    await terminal.until((s) => s.includes('afternoon'), 'answer');
    terminal.child.stdin.write('half a quest');
    await terminal.until((s) => s.includes('half a quest'), 'echo');
    const before = terminal.screen().length;
    await writeFile(file, BROKEN);
    await terminal.until((s) => /reload failed[\s\S]*> half a quest/.test(s.slice(before)), 'log');

    const shown = stripVTControlCharacters(terminal.screen());
    // The answer wraps between words at 60 columns.
    expect(shown).toContain('It is blue, the colour of a clear sky on a summer afternoon\r\nwhen');
    const log = stripVTControlCharacters(terminal.screen().slice(before));
    const oneLine = log.replace(/\s+/g, ' ');
    expect(oneLine).toContain('ERROR knowledge reload failed');
    expect(oneLine).toContain(`${file}:13 (entry "Favourite Animal", field "id"): id must be`);
    // No JSON and no stack trace, just the line (wrapped at the width) and the redrawn prompt.
    expect(log).not.toContain('{"level"');
    expect(log).not.toMatch(/\n\s+at /);
    const logLines = log.slice(log.indexOf('ERROR')).split('\r\n');
    expect(logLines.length).toBeLessThanOrEqual(6);
    expect(terminal.screen().slice(before)).toContain('\u001b[31mERROR');

    terminal.child.stdin.write('\u0015/quit\r');
    const code = await new Promise<number | null>((resolve) => terminal.child.on('exit', resolve));
    expect(code).toBe(0);
  }, 40_000);
});
