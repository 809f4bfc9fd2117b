import fc from 'fast-check';
import type { FeedbackReply } from '../../src/bot-types.js';
import type { Reply, Source, Suggestion } from '../../src/reply.js';
import { anyText, hostileText } from './bad-inputs.js';

/**
 * Core replies with hostile content in every text field, for checking that the adapters' renderers
 * keep any reply inside the platform's limits and turn no text into a mention or a link. A core
 * that quoted the user ("I don't know about …") would put user text in `text`.
 */

/** Text of any length up to `max`, hostile more often than not. */
const replyText = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: anyText.map((text) => text.slice(0, max)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: max }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileText, fc.integer({ min: 1, max: Math.max(1, Math.floor(max / 50)) }))
        .map(([text, times]) => `${text} `.repeat(times).slice(0, max)),
    },
  );

/** Entry ids as the schema allows them, plus some too long for a button. */
const entryId: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+){0,6}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 150 }) },
);

/** The core never sends blank text (its own property test checks that); anything else goes. */
const nonBlank = (max: number): fc.Arbitrary<string> =>
  replyText(max).filter((text) => text.trim() !== '');

/** Curated questions are never blank either. */
const question = nonBlank(300);

export const suggestion: fc.Arbitrary<Suggestion> = fc.record({ entry: entryId, question });

const suggestions = fc.array(suggestion, { maxLength: 8 });

const source: fc.Arbitrary<Source> = fc.record(
  {
    attribution: replyText(200),
    publication: replyText(200),
    passage: replyText(500),
    url: fc.oneof(
      fc.webUrl(),
      fc.constantFrom('https://x.example/a|b>c', 'javascript:alert(1)', 'http://x <@U1>'),
    ),
  },
  { requiredKeys: ['attribution', 'publication', 'passage'] },
);

const confidence = fc.double({ min: 0, max: 1, noNaN: true });

export const anyReply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('answer' as const),
      text: nonBlank(20_000),
      confidence,
      entry: suggestion,
      entryKind: fc.constantFrom('fact' as const, 'conversation' as const),
      source,
      related: suggestions,
    },
    { requiredKeys: ['kind', 'text', 'confidence', 'entry', 'entryKind', 'related'] },
  ),
  fc.record({
    kind: fc.constant('clarify' as const),
    text: nonBlank(5_000),
    confidence,
    suggestions,
  }),
  fc.record({
    kind: fc.constant('decline' as const),
    reason: fc.constantFrom('no-match' as const, 'empty' as const, 'rate-limited' as const),
    text: nonBlank(5_000),
    confidence,
    suggestions,
  }),
);

export const anyFeedback: fc.Arbitrary<FeedbackReply> = fc.record({
  text: nonBlank(5_000),
  suggestions,
});
