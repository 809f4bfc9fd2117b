import { createBot } from '../../../src/bot.js';
import type { Bot } from '../../../src/bot-types.js';
import type { KnowledgeBase } from '../../../src/knowledge-base.js';
import { NAMED_BAD_INPUTS } from '../../property/bad-inputs.js';
import { memoryStateStore } from '../../support/memory-state.js';
import { shippedKnowledgeBase } from '../../support/shipped-bot.js';

/** The real core on the shipped knowledge, memory store, no rate limit: load comes from few users. */
export async function createLoadBot(): Promise<{ bot: Bot; kb: KnowledgeBase }> {
  const kb = await shippedKnowledgeBase();
  const bot = createBot({
    knowledge: kb,
    store: memoryStateStore(),
    config: { rateLimit: { questions: 0, windowMs: 60_000 } },
  });
  return { bot, kb };
}

/** A small deterministic PRNG, so every run asks the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One typo: a letter dropped, doubled or swapped with its neighbour. */
export function withTypo(text: string, random: () => number): string {
  const at = Math.floor(random() * Math.max(1, text.length - 1));
  switch (Math.floor(random() * 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + (text[at] ?? '') + text.slice(at);
    default:
      return text.slice(0, at) + (text[at + 1] ?? '') + (text[at] ?? '') + text.slice(at + 2);
  }
}

/** Everyday questions: every curated phrasing, the off-topic ones, and misspelt variants. */
export function everydayQuestions(kb: KnowledgeBase, random = seededRandom(7)): string[] {
  const phrasings = kb.knowledge.entries.flatMap((entry) => entry.questions);
  const typos = phrasings.map((question) => withTypo(question, random));
  return [...phrasings, ...kb.knowledge.offTopic, ...typos, 'hi', 'thanks', 'help', '2'];
}

/**
 * Adversarial questions: the named bad inputs (100,000-character ones included) and one word as
 * long as Discord's /ask option allows (500 letters). Longer single words are left out: they
 * exhaust memory today (test/property/core-long-word.test.ts).
 */
export function adversarialQuestions(): { name: string; text: string }[] {
  return [
    ...NAMED_BAD_INPUTS,
    { name: 'one word of 500 letters (Discord /ask maximum)', text: 'q'.repeat(500) },
    { name: 'one word of 500 accented letters', text: 'é'.repeat(500) },
  ];
}
