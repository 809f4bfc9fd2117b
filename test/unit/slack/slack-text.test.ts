import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeSlackText,
  slackToPlainText,
  splitText,
  trimText,
} from '../../../adapters/slack/slack-text.js';

describe('escapeSlackText', () => {
  it('GIVEN Slack control syntax THEN no `<`, `>` or raw `&` remains', () => {
    expect(escapeSlackText('<!channel> & <@U123> <https://x.test|x>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x.test|x&gt;',
    );
  });

  it('GIVEN bare broadcast words THEN they are broken with an invisible joiner', () => {
    const escaped = escapeSlackText('ping @here, @Channel and @everyone; not @hereafter');
    expect(escaped).not.toMatch(/@(here|channel|everyone)\b/i);
    expect(escaped).toContain('@hereafter');
    expect(escaped.replaceAll('\u2060', '')).toBe(
      'ping @here, @Channel and @everyone; not @hereafter',
    );
  });

  it('GIVEN any text THEN the result can form no Slack token', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeSlackText(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
    );
  });
});

describe('slackToPlainText', () => {
  it('GIVEN a mention of the bot THEN it is dropped and other markup becomes its label', () => {
    expect(
      slackToPlainText(
        '<@UBOT> hi <@UALICE|alice> see <#C123|general> <https://a.test|the page> <!here> <!subteam^S1|@ops> a &lt;b&gt; &amp;lt;',
        'UBOT',
      ),
    ).toBe('hi @alice see #general the page @here @ops a <b> &lt;');
  });

  it('GIVEN no bot id THEN a mention without label keeps its id', () => {
    expect(slackToPlainText('<@U9> <mailto:a@b.test> <!date^1|Jan 1>')).toBe(
      '@U9 mailto:a@b.test Jan 1',
    );
  });
});

describe('splitText', () => {
  it('GIVEN paragraphs THEN it splits between them first', () => {
    const a = 'a'.repeat(30);
    const b = 'b'.repeat(30);
    expect(splitText(`${a}\n\n${b}`, 40)).toEqual([a, b]);
  });

  it('GIVEN sentences THEN the full stop stays with its sentence', () => {
    expect(splitText('One two three four. Five six seven eight.', 25)).toEqual([
      'One two three four.',
      'Five six seven eight.',
    ]);
  });

  it('GIVEN a word longer than the limit THEN it is cut hard, never inside an entity', () => {
    const chunks = splitText(`${'x'.repeat(18)}&amp;${'y'.repeat(20)}`, 20);
    expect(chunks[0]).toBe('x'.repeat(18));
    expect(chunks[1]?.startsWith('&amp;')).toBe(true);
  });

  it('GIVEN any escaped text THEN chunks fit, keep every word in order and entities whole', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000 }),
        fc.integer({ min: 16, max: 300 }),
        (raw, limit) => {
          const text = escapeSlackText(raw);
          const chunks = splitText(text, limit);
          for (const chunk of chunks) {
            expect(chunk.length).toBeLessThanOrEqual(limit);
            expect(chunk.length).toBeGreaterThan(0);
            // An entity cut in two would leave a dangling `&` or a stray `lt;`.
            expect(chunk).not.toMatch(/&(?!amp;|lt;|gt;)/);
          }
          expect(chunks.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
    );
  });
});

describe('trimText', () => {
  it('GIVEN text that fits THEN it is unchanged', () => {
    expect(trimText('short', 10)).toBe('short');
  });

  it('GIVEN long text THEN it ends at a word with the marker, within the limit', () => {
    const trimmed = trimText('alpha beta gamma delta epsilon zeta', 24);
    expect(trimmed).toBe('alpha beta gamma delta…');
    expect(trimmed.length).toBeLessThanOrEqual(24);
  });
});
