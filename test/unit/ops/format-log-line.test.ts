import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/create-logger.js';
import { formatLogLine } from '../../../adapters/format-log-line.js';
import { KnowledgeError } from '../../../src/errors/knowledge-error.js';

/** Log through the real pino logger in its terminal form, returning what it wrote. */
function prettyLines(log: (logger: ReturnType<typeof createLogger>) => void, columns?: number) {
  const written: string[] = [];
  const logger = createLogger('debug', {
    pretty: true,
    write: (text) => written.push(text),
    columns: () => columns,
  });
  log(logger);
  return written;
}

describe('GIVEN logs in their terminal form', () => {
  it('WHEN a knowledge reload fails THEN one line holds the message, file:line and problem, and no stack or dump', () => {
    const cause = new Error(JSON.stringify([{ code: 'invalid_format', path: ['id'] }], null, 2));
    const error = new KnowledgeError(
      'KNOWLEDGE_INVALID',
      'id must be lower-case words joined by "-"',
      { file: 'knowledge/kb.yaml', line: 12, entry: 'Bad Id', field: 'id' },
      { cause },
    );
    const [line, ...more] = prettyLines((logger) =>
      logger.error({ err: error, ...error.location }, 'knowledge reload failed'),
    );
    expect(more).toEqual([]);
    expect(line).toMatch(
      /^\d\d:\d\d:\d\d ERROR knowledge reload failed: knowledge\/kb\.yaml:12 \(entry "Bad Id", field "id"\): id must be lower-case words joined by "-"\n$/,
    );
  });

  it('WHEN fields come along THEN they follow as key=value, long ones shortened', () => {
    const [line] = prettyLines((logger) =>
      logger.info({ entries: 42, files: ['a.yaml'], long: 'x'.repeat(200) }, 'knowledge loaded'),
    );
    expect(line).toContain('INFO  knowledge loaded  entries=42  files=["a.yaml"]  long=xxx');
    expect(line).toContain('x…');
    expect(line?.length).toBeLessThan(160);
  });

  it('WHEN a message carries terminal escapes, direction overrides or newlines THEN they show escaped, on one line', () => {
    const [line] = prettyLines((logger) =>
      logger.warn('question \u001b[31mred\u001b[0m \u202eevil\nsecond line'),
    );
    expect(line).toContain('question \\u001b[31mred\\u001b[0m \\u202eevil second line');
    expect(line?.trimEnd()).not.toContain('\n');
  });

  it('WHEN the terminal is 50 columns wide THEN the line wraps between words, indented', () => {
    const [text] = prettyLines(
      (logger) => logger.warn('one two three four five six seven eight nine ten eleven twelve'),
      50,
    );
    const lines = (text ?? '').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('one two three four five six seven');
  });

  it('WHEN a line is not JSON THEN it passes through unchanged', () => {
    expect(formatLogLine('not json', { color: false })).toBe('not json\n');
  });
});
