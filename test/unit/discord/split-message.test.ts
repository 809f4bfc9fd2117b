import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMessage, truncate } from '../../../adapters/discord/split-message.js';

const squash = (text: string) => text.replace(/\s+/g, '');

describe('splitMessage', () => {
  it('keeps a short text whole', () => {
    expect(splitMessage('  Short answer.  ')).toEqual(['Short answer.']);
  });

  it('cuts at paragraph ends before sentence ends', () => {
    const a = 'A'.repeat(60);
    const b = `${'B'.repeat(30)}. ${'C'.repeat(30)}`;
    expect(splitMessage(`${a}\n\n${b}`, { limit: 80 })).toEqual([a, b]);
  });

  it('cuts after a sentence when a paragraph is too long', () => {
    const text = 'First sentence is here. Second sentence is here. Third one.';
    expect(splitMessage(text, { limit: 50 })).toEqual([
      'First sentence is here. Second sentence is here.',
      'Third one.',
    ]);
  });

  it('cuts hard when there is no pause, never inside an emoji', () => {
    const text = `${'x'.repeat(9)}😀${'y'.repeat(5)}`;
    const parts = splitMessage(text, { limit: 10 });
    expect(parts).toEqual(['x'.repeat(9), `😀${'y'.repeat(5)}`]);
  });

  it('shortens beyond the maximum number of messages, saying so', () => {
    const text = Array.from({ length: 10 }, (_, i) => `Sentence number ${i}.`).join(' ');
    const parts = splitMessage(text, { limit: 40, maxChunks: 2, truncatedNotice: ' …' });
    expect(parts).toHaveLength(2);
    expect(parts[1]?.endsWith(' …')).toBe(true);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(40);
  });

  it('GIVEN any text THEN pieces fit the limit and nothing but whitespace is lost', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n', 'é', '😀'), maxLength: 600 }),
        fc.integer({ min: 20, max: 120 }),
        (text, limit) => {
          const parts = splitMessage(text, { limit, maxChunks: 1000 });
          for (const part of parts) expect(part.length).toBeLessThanOrEqual(limit);
          expect(squash(parts.join(''))).toBe(squash(text));
        },
      ),
    );
  });
});

describe('truncate', () => {
  it('leaves text that fits and ends a cut one with the notice', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('one two three four five', 12, '…');
    expect(cut).toBe('one two…');
    expect(cut.length).toBeLessThanOrEqual(12);
  });
});
