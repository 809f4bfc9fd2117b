import { createBot } from '../../../src/bot.js';
import type { Bot, FeedbackReply, Rating } from '../../../src/bot-types.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import type { Query, QueryContext } from '../../../src/query.js';
import type { Reply } from '../../../src/reply.js';
import { memoryStateStore } from '../../support/memory-state.js';

/**
 * The real core (project knowledge, memory store) with a few test hooks around it:
 * - `echo <text>` gets a decline that repeats the text, as a core quoting the user would;
 * - `long <n>` gets an answer of about n characters;
 * - `explode` makes the core throw;
 * - `hold()` makes the next `handle` wait until released (to observe the ack before the answer).
 * Every call is recorded.
 */
export interface TestBot extends Bot {
  readonly knowledge: Knowledge;
  readonly queries: Query[];
  readonly chosen: { context: QueryContext; entry: string }[];
  readonly ratings: { context: QueryContext; entry: string; rating: Rating }[];
  hold(): () => void;
  /** Makes `about()` report another topic, as a knowledge reload would. */
  retitle(topic: string): void;
}

export async function createTestBot(): Promise<TestBot> {
  const loaded = await loadKnowledge('knowledge');
  // Fixed thresholds skip the cross-validated calibration (seconds of CPU, tens on a busy machine):
  // these tests are about Slack, the golden tests cover the matcher. Canonical questions, which
  // the tests ask, score far above either threshold.
  const knowledge = { ...loaded, thresholds: { answer: 0.85, clarify: 0.1 } };
  const core = createBot({ knowledge: createKnowledgeBase(knowledge), store: memoryStateStore() });
  const queries: Query[] = [];
  const chosen: TestBot['chosen'] = [];
  const ratings: TestBot['ratings'] = [];
  let gate: Promise<void> | undefined;
  let topic: string | undefined;

  const first = knowledge.entries[0];
  if (first === undefined) throw new Error('the project knowledge has no entries');

  const handle = async (query: Query): Promise<Reply> => {
    queries.push(query);
    const held = gate;
    gate = undefined;
    if (held !== undefined) await held;
    if (query.text === 'explode') throw new Error('the core failed (test)');
    if (query.text === 'over the limit, again') {
      return {
        kind: 'decline',
        reason: 'rate-limited',
        text: 'You are asking faster than I can keep up with.',
        confidence: 0,
        suggestions: [],
        quiet: true,
      };
    }
    if (query.text.startsWith('echo ')) {
      return {
        kind: 'decline',
        reason: 'no-match',
        text: `I don't know about "${query.text.slice(5)}".`,
        confidence: 0,
        suggestions: [],
      };
    }
    const long = /^long (\d+)$/.exec(query.text);
    if (long !== null) {
      return {
        kind: 'answer',
        text: longText(Number(long[1])),
        confidence: 1,
        entry: { entry: first.id, question: first.questions[0] ?? first.id },
        entryKind: 'fact',
        related: [],
      };
    }
    return core.handle(query);
  };

  return {
    knowledge,
    queries,
    chosen,
    ratings,
    hold: () => {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return release;
    },
    handle,
    choose: (context, entry) => {
      chosen.push({ context, entry });
      return core.choose(context, entry);
    },
    feedback: (context, entry, rating): Promise<FeedbackReply> => {
      ratings.push({ context, entry, rating });
      return core.feedback(context, entry, rating);
    },
    flush: () => core.flush(),
    complete: (prefix, limit) => core.complete(prefix, limit),
    about: (examples) => {
      const about = core.about(examples);
      return topic !== undefined ? { ...about, topic } : about;
    },
    retitle: (next) => {
      topic = next;
    },
  };
}

/** Sentences and paragraphs (numbered, so order and loss are checkable) of about `length` chars. */
export function longText(length: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 1; size < length; i += 1) {
    const sentence = `Sentence ${i} of a very long answer & it <keeps> going.`;
    parts.push(i % 7 === 0 ? `${sentence}\n\n` : `${sentence} `);
    size += parts.at(-1)?.length ?? 0;
  }
  return parts.join('').trim();
}
