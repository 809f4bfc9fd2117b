import { describe, expect, it } from 'vitest';
import {
  NO_PINGS,
  renderChoices,
  renderFeedback,
  renderReply,
} from '../../../adapters/discord/render-reply.js';
import type { AnswerReply, Reply } from '../../../src/reply.js';

const answer: AnswerReply = {
  kind: 'answer',
  text: 'About 2,500 U.S. troops are in Iraq.',
  confidence: 0.9,
  entry: { entry: 'troops.iraq', question: 'How many US troops are in Iraq?' },
  entryKind: 'fact',
  source: {
    attribution: 'the U.S. Department of Defense',
    publication: 'Scripps News',
    passage: '…',
  },
  related: [{ entry: 'troops.syria', question: 'How many US troops are in Syria?' }],
};

function buttons(payload: { components: readonly { components: readonly object[] }[] }) {
  return payload.components.flatMap((row) => row.components) as {
    custom_id: string;
    label?: string;
    emoji?: { name: string };
  }[];
}

describe('renderReply', () => {
  it('renders an answer with its source, related buttons and 👍/👎, pinging nobody', () => {
    const [message, ...more] = renderReply(answer);
    expect(more).toEqual([]);
    expect(message?.content).toBe(
      'About 2,500 U.S. troops are in Iraq.\n\n-# Source: *Scripps News* (the U.S. Department of Defense)',
    );
    expect(message?.allowedMentions).toEqual(NO_PINGS);
    expect(
      buttons(message ?? { components: [] }).map((b) => [b.custom_id, b.label ?? b.emoji?.name]),
    ).toEqual([
      ['ask:choose:troops.syria', 'How many US troops are in Syria?'],
      ['ask:fb:up:troops.iraq', '👍'],
      ['ask:fb:down:troops.iraq', '👎'],
    ]);
  });

  it('links the publication when the source has a URL, without an embed', () => {
    const source = { attribution: 'the U.S. Department of Defense', publication: 'Scripps News' };
    const withUrl = {
      ...answer,
      source: { ...source, passage: '…', url: 'https://example.org/a' },
    };
    expect(renderReply(withUrl)[0]?.content).toContain('[Scripps News](<https://example.org/a>)');
  });

  it('offers no feedback on small talk', () => {
    const smallTalk: Reply = { ...answer, entryKind: 'conversation', related: [] };
    expect(renderReply(smallTalk)[0]?.components).toEqual([]);
  });

  it('numbers clarify suggestions in the text and on the buttons', () => {
    const clarify: Reply = {
      kind: 'clarify',
      text: 'Did you mean…',
      confidence: 0.5,
      suggestions: [
        { entry: 'a', question: 'Question *one*?' },
        { entry: 'b', question: 'Question two?' },
      ],
    };
    const [message] = renderReply(clarify);
    expect(message?.content).toBe('Did you mean…\n\n1. Question \\*one\\*?\n2. Question two?');
    expect(buttons(message ?? { components: [] }).map((b) => [b.label, b.custom_id])).toEqual([
      ['1', 'ask:choose:a'],
      ['2', 'ask:choose:b'],
    ]);
  });

  it('quotes the question on one line with its markdown escaped', () => {
    const [message] = renderReply(answer, { question: '**bold**\n> @everyone' });
    expect(message?.content.split('\n')[0]).toBe('> \\*\\*bold\\*\\* > @everyone');
  });

  it('drops buttons whose entry id would not fit a custom_id, and duplicates', () => {
    const reply: Reply = {
      ...answer,
      related: [
        { entry: 'x'.repeat(95), question: 'Too long an id' },
        { entry: 'ok', question: 'Fine' },
        { entry: 'ok', question: 'Fine again' },
      ],
    };
    const ids = buttons(renderReply(reply)[0] ?? { components: [] }).map((b) => b.custom_id);
    expect(ids).toEqual(['ask:choose:ok', 'ask:fb:up:troops.iraq', 'ask:fb:down:troops.iraq']);
  });

  it('caps button labels at 80 characters', () => {
    const reply: Reply = { ...answer, related: [{ entry: 'long', question: 'Why '.repeat(40) }] };
    const [label] = buttons(renderReply(reply)[0] ?? { components: [] }).map((b) => b.label);
    expect(label?.length).toBeLessThanOrEqual(80);
  });
});

describe('renderFeedback', () => {
  it('shows the acknowledgement and, after 👎, the runners-up as buttons', () => {
    const [message] = renderFeedback({
      text: 'Sorry. Did you mean:',
      suggestions: [{ entry: 'b', question: 'Other question?' }],
    });
    expect(message?.content).toBe('Sorry. Did you mean:\n\n1. Other question?');
    expect(buttons(message ?? { components: [] }).map((b) => b.custom_id)).toEqual([
      'ask:choose:b',
    ]);
  });
});

describe('renderChoices', () => {
  it('returns at most 25 distinct choices of at most 100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      entry: `e${i}`,
      question: `${i % 30} ${'long question '.repeat(10)}`,
    }));
    const choices = renderChoices(many);
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value).toBe(choice.name);
    }
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
  });
});
