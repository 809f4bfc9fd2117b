import { describe, expect, it } from 'vitest';
import {
  describeSource,
  NO_PINGS,
  OUTCOME_COLOURS,
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
  it('renders an answer as an embed with its source, related buttons and 👍/👎, pinging nobody', () => {
    const [message, ...more] = renderReply(answer);
    expect(more).toEqual([]);
    expect(message?.content).toBe('');
    expect(message?.embeds).toEqual([
      {
        color: OUTCOME_COLOURS.answer,
        description: 'About 2,500 U.S. troops are in Iraq.',
        fields: [{ name: 'Source', value: 'the U.S. Department of Defense, in *Scripps News*' }],
      },
    ]);
    expect(message?.allowedMentions).toEqual(NO_PINGS);
    expect(
      buttons(message ?? { components: [] }).map((b) => [b.custom_id, b.label ?? b.emoji?.name]),
    ).toEqual([
      ['ask:choose:troops.syria', 'How many US troops are in Syria?'],
      ['ask:fb:up:troops.iraq', '👍'],
      ['ask:fb:down:troops.iraq', '👎'],
    ]);
  });

  it('gives each outcome its own colour', () => {
    const colours = (
      [
        answer,
        { kind: 'clarify', text: 'Which?', confidence: 0.5, suggestions: [] },
        { kind: 'decline', reason: 'no-match', text: 'No.', confidence: 0, suggestions: [] },
      ] as Reply[]
    ).map((reply) => renderReply(reply)[0]?.embeds[0]?.color);
    expect(colours).toEqual([
      OUTCOME_COLOURS.answer,
      OUTCOME_COLOURS.clarify,
      OUTCOME_COLOURS.decline,
    ]);
    expect(new Set(colours).size).toBe(3);
  });

  it('labels the example buttons of help with their questions', () => {
    const help: Reply = {
      kind: 'decline',
      reason: 'empty',
      text: 'Ask me about U.S. forces.',
      confidence: 0,
      suggestions: [{ entry: 'a', question: 'How many troops?' }],
    };
    const [message] = renderReply(help);
    expect(message?.embeds[0]?.description).toBe('Ask me about U.S. forces.');
    expect(buttons(message ?? { components: [] }).map((b) => b.label)).toEqual([
      'How many troops?',
    ]);
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
    expect(message?.embeds[0]?.description).toBe(
      'Did you mean…\n\n1. Question \\*one\\*?\n2. Question two?',
    );
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

describe('describeSource', () => {
  const source = { attribution: 'Scripps News', publication: 'Scripps News', passage: '…' };
  it('names the publication once when the attribution already names it', () => {
    expect(describeSource(source)).toBe('Scripps News');
    expect(describeSource({ ...source, attribution: 'Scripps News, reporting Randa Slim' })).toBe(
      'Scripps News, reporting Randa Slim',
    );
  });

  it('adds the publication when the attribution is someone else, linked when there is a URL', () => {
    const dod = { ...source, attribution: 'U.S. Department of Defense' };
    expect(describeSource(dod)).toBe('U.S. Department of Defense, in *Scripps News*');
    expect(describeSource({ ...dod, url: 'https://example.org/a_(b)' })).toBe(
      'U.S. Department of Defense, in [Scripps News](https://example.org/a_(b%29)',
    );
    expect(describeSource({ ...source, url: 'https://example.org/a' })).toBe(
      '[Scripps News](https://example.org/a)',
    );
  });
});

describe('renderFeedback', () => {
  it('after 👎 shows the runners-up as buttons, and nothing when there are none', () => {
    expect(renderFeedback({ text: 'Thanks for the feedback.', suggestions: [] })).toEqual([]);
    const [message] = renderFeedback({
      text: 'Sorry. Did you mean:',
      suggestions: [{ entry: 'b', question: 'Other question?' }],
    });
    expect(message?.embeds[0]?.description).toBe('Sorry. Did you mean:\n\n1. Other question?');
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
