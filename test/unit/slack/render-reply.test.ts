import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderApology,
  renderFeedback,
  renderReply,
  type SlackMessage,
  sourceLine,
} from '../../../adapters/slack/render-reply.js';
import type { AnswerReply, ClarifyReply, DeclineReply, Source } from '../../../src/reply.js';
import {
  buttons,
  markupText,
  validateMessage,
  visibleText,
} from '../../support/slack-fake/index.js';

const source: Source = {
  attribution: 'Scripps News',
  publication: 'Scripps News',
  passage: 'For 20 years now…',
};

const answer: AnswerReply = {
  kind: 'answer',
  text: 'U.S. forces have been in Iraq for 20 years.',
  confidence: 0.97,
  entry: { entry: 'iraq-duration', question: 'How long have U.S. forces been in Iraq?' },
  entryKind: 'fact',
  source,
  related: [{ entry: 'iraq-2003', question: 'How did the presence begin?' }],
};

const asRecord = (message: SlackMessage | undefined) =>
  (message ?? { text: '', blocks: [] }) as unknown as Record<string, unknown>;

describe('renderReply', () => {
  it('GIVEN an answer THEN text, source line, related buttons and 👍/👎 are rendered', () => {
    const [message] = renderReply(answer);
    const record = asRecord(message);
    expect(visibleText(record)).toContain('U.S. forces have been in Iraq for 20 years.');
    expect(visibleText(record)).toContain('Source: _Scripps News_');
    expect(visibleText(record)).not.toMatch(/Scripps News.*Scripps News/);
    expect(buttons(record)).toEqual([
      { actionId: 'kb_choose:0', value: 'iraq-2003', label: 'How did the presence begin?' },
      { actionId: 'kb_feedback_up', value: 'iraq-duration', label: '👍 Helpful' },
      { actionId: 'kb_feedback_down', value: 'iraq-duration', label: '👎 Not helpful' },
    ]);
    expect(validateMessage(record)).toBeUndefined();
  });

  it('GIVEN a private answer THEN a "Share in channel" button is added', () => {
    const [message] = renderReply(answer, { shareButton: true });
    expect(buttons(asRecord(message)).at(-1)).toMatchObject({
      actionId: 'kb_share',
      value: 'iraq-duration',
    });
  });

  it('GIVEN a shared answer THEN it credits the user and only a valid user id becomes a mention', () => {
    expect(visibleText(asRecord(renderReply(answer, { sharedBy: 'UALICE01' })[0]))).toContain(
      'Shared by <@UALICE01>',
    );
    expect(visibleText(asRecord(renderReply(answer, { sharedBy: '!channel' })[0]))).not.toContain(
      'Shared by',
    );
  });

  it('GIVEN small talk THEN there is nothing to rate', () => {
    const { source: _source, ...smallTalk } = answer;
    const [message] = renderReply({ ...smallTalk, entryKind: 'conversation' });
    expect(buttons(asRecord(message)).map((b) => b.actionId)).not.toContain('kb_feedback_up');
  });

  it('GIVEN a source URL THEN a clean http(s) one is linked and anything else is not', () => {
    const linked = renderReply({
      ...answer,
      source: { ...source, url: 'https://news.test/a?b=1&c=2' },
    });
    expect(visibleText(asRecord(linked[0]))).toContain(
      '<https://news.test/a?b=1&amp;c=2|Scripps News>',
    );
    const hostile = renderReply({
      ...answer,
      source: { ...source, url: 'javascript:alert(1)|<!channel>' },
    });
    expect(visibleText(asRecord(hostile[0]))).not.toMatch(/<(javascript|!)/);
  });

  it('GIVEN source lines THEN the attribution is said once and the publication linked when known', () => {
    expect(sourceLine({ ...source, url: 'https://news.test/a' })).toBe(
      'Source: <https://news.test/a|Scripps News>',
    );
    const quoted = { ...source, attribution: 'Randa Slim, Middle East Institute' };
    expect(sourceLine(quoted)).toBe('Source: Randa Slim, Middle East Institute, in _Scripps News_');
    expect(sourceLine({ ...quoted, url: 'https://news.test/a' })).toBe(
      'Source: Randa Slim, Middle East Institute, in <https://news.test/a|Scripps News>',
    );
    expect(sourceLine({ ...source, attribution: 'the Scripps News desk' })).toBe(
      'Source: _the Scripps News desk_',
    );
    expect(
      sourceLine({ ...source, publication: 'A & B <News>', attribution: 'A & B <News>' }),
    ).toBe('Source: _A &amp; B &lt;News&gt;_');
  });

  it('GIVEN a question that fits in 75 characters THEN its label is the whole question', () => {
    const question = 'How many troops, counting all services, are stationed across the region?';
    const [message] = renderReply({ ...answer, related: [{ entry: 'x', question }] });
    expect(buttons(asRecord(message))[0]?.label).toBe(question);
  });

  it('GIVEN a longer question THEN its label is cut at the last word that fits, not at a comma', () => {
    const question =
      'How many troops are stationed in the region, counting every branch of the armed services today?';
    const [message] = renderReply({ ...answer, related: [{ entry: 'x', question }] });
    expect(buttons(asRecord(message))[0]?.label).toBe(
      'How many troops are stationed in the region, counting every branch of the…',
    );
  });

  it('GIVEN a clarification THEN the suggestions are numbered buttons carrying entry ids', () => {
    const clarify: ClarifyReply = {
      kind: 'clarify',
      text: 'Did you mean one of these?',
      confidence: 0.4,
      suggestions: [
        { entry: 'a', question: 'First question?' },
        { entry: 'b', question: 'Second question?' },
      ],
    };
    expect(buttons(asRecord(renderReply(clarify)[0]))).toEqual([
      { actionId: 'kb_choose:0', value: 'a', label: '1. First question?' },
      { actionId: 'kb_choose:1', value: 'b', label: '2. Second question?' },
    ]);
  });

  it('GIVEN a decline THEN it says what the bot can answer as buttons, capped at five', () => {
    const decline: DeclineReply = {
      kind: 'decline',
      reason: 'no-match',
      text: "I don't know, but I can answer, for example:",
      confidence: 0.1,
      suggestions: Array.from({ length: 8 }, (_, i) => ({ entry: `e${i}`, question: `Q${i}?` })),
    };
    const shown = buttons(asRecord(renderReply(decline)[0]));
    expect(shown.map((b) => b.value)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('GIVEN a long question THEN its button label is trimmed to Slack’s 75 characters', () => {
    const long = 'word '.repeat(40).trim();
    const [message] = renderReply({ ...answer, related: [{ entry: 'x', question: long }] });
    const label = buttons(asRecord(message))[0]?.label ?? '';
    expect(label.length).toBeLessThanOrEqual(75);
    expect(label.endsWith('…')).toBe(true);
  });

  it('GIVEN any text and suggestions THEN every message passes Slack’s limits and no markup escapes', () => {
    const suggestion = fc.record({
      entry: fc.stringMatching(/^[a-z0-9-]{1,40}$/),
      question: fc.string({ minLength: 1, maxLength: 300 }),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 500 }),
          fc.string({ maxLength: 500 }).map((s) => s.repeat(200)),
        ),
        fc.uniqueArray(suggestion, { maxLength: 8, selector: (s) => s.entry }),
        (text, suggestions) => {
          const messages = renderReply(
            { kind: 'clarify', text, confidence: 0.5, suggestions },
            { shareButton: true },
          );
          expect(messages.length).toBeGreaterThan(0);
          expect(messages.length).toBeLessThanOrEqual(3);
          for (const message of messages) {
            expect(validateMessage(asRecord(message))).toBeUndefined();
            expect(markupText(asRecord(message))).not.toMatch(/<[!@#]|<https?:/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('GIVEN a 100,000-character answer THEN it becomes 3 messages with the buttons on the last', () => {
    const text = 'All work and no play makes a long answer. '.repeat(2400);
    const messages = renderReply({ ...answer, text });
    expect(messages).toHaveLength(3);
    expect(buttons(asRecord(messages[0]))).toEqual([]);
    expect(buttons(asRecord(messages[2])).map((b) => b.actionId)).toContain('kb_feedback_up');
    for (const message of messages) expect(validateMessage(asRecord(message))).toBeUndefined();
  });
});

describe('renderFeedback and renderApology', () => {
  it('GIVEN a 👎 acknowledgement with runners-up THEN they are offered as numbered buttons', () => {
    const [message] = renderFeedback({
      text: 'Sorry about that. Did you mean:',
      suggestions: [{ entry: 'other', question: 'Another question?' }],
    });
    expect(buttons(asRecord(message))).toEqual([
      { actionId: 'kb_choose:0', value: 'other', label: '1. Another question?' },
    ]);
  });

  it('GIVEN a failure THEN the apology is short and valid', () => {
    const apology = renderApology();
    expect(apology.text).toMatch(/^Sorry/);
    expect(validateMessage(asRecord(apology))).toBeUndefined();
  });
});
