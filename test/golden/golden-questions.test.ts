import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Bot } from '../../src/bot-types.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { createShippedBot, query, shippedKnowledgeBase } from '../support/shipped-bot.js';

interface Golden {
  answer: { question: string; entry: string }[];
  decline: string[];
}
const golden = parse(
  readFileSync(new URL('./golden-questions.yaml', import.meta.url), 'utf8'),
) as Golden;

let kb: KnowledgeBase;
let bot: Bot;
beforeAll(async () => {
  kb = await shippedKnowledgeBase();
  bot = await createShippedBot();
});

async function outcome(text: string): Promise<string> {
  const reply = await bot.handle(query(text));
  return reply.kind === 'answer' ? reply.entry.entry : reply.kind;
}

describe('golden questions on the shipped knowledge', () => {
  it('every curated phrasing resolves to its own entry', async () => {
    const wrong: string[] = [];
    for (const entry of kb.knowledge.entries) {
      for (const question of entry.questions) {
        const got = await outcome(question);
        if (got !== entry.id) wrong.push(`${entry.id}: "${question}" → ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('never answers an off-topic question or near miss', async () => {
    const answered: string[] = [];
    for (const question of [...kb.knowledge.offTopic, ...golden.decline]) {
      const reply = await bot.handle(query(question));
      if (reply.kind === 'answer' && reply.entryKind === 'fact')
        answered.push(`"${question}" → ${reply.entry.entry}`);
    }
    expect(answered).toEqual([]);
  });

  // A clarification offering entries is a safe reply to a near miss (it answers nothing); the
  // clarify band is wide enough to offer the right entry for most in-scope questions it does
  // not answer, which costs some outright declines (was 80% before the development sets).
  it('declines most held-out off-topic questions outright rather than clarifying', async () => {
    let declined = 0;
    for (const question of golden.decline) if ((await outcome(question)) === 'decline') declined++;
    expect(declined / golden.decline.length).toBeGreaterThanOrEqual(0.75);
  });

  it('never answers a held-out question with the wrong entry', async () => {
    const wrong: string[] = [];
    for (const { question, entry } of golden.answer) {
      const got = await outcome(question);
      if (got !== entry && got !== 'clarify' && got !== 'decline')
        wrong.push(`"${question}" → ${got}, expected ${entry}`);
    }
    expect(wrong).toEqual([]);
  });

  // Safety first: the thresholds are chosen so that no near miss is answered, which costs some
  // direct answers; those questions get a clarification that offers the right entry instead.
  it('answers most held-out questions, and offers the right entry when it clarifies', async () => {
    let answered = 0;
    let offered = 0;
    const missed: string[] = [];
    for (const { question, entry } of golden.answer) {
      const reply = await bot.handle(query(question));
      if (reply.kind === 'answer' && reply.entry.entry === entry) answered++;
      else if (reply.kind === 'clarify' && reply.suggestions.some((s) => s.entry === entry))
        offered++;
      else missed.push(`"${question}" → ${reply.kind}, expected ${entry}`);
    }
    expect(answered / golden.answer.length).toBeGreaterThanOrEqual(0.65);
    expect((answered + offered) / golden.answer.length).toBeGreaterThanOrEqual(0.9);
    expect(missed.length / golden.answer.length).toBeLessThanOrEqual(0.1);
  });

  it('answers the headline questions of the issue', async () => {
    const iraq = await bot.handle(query('How many US troops are in Iraq?'));
    expect(iraq.kind).toBe('answer');
    expect(iraq.text).toContain('2,500');
    expect((await bot.handle(query('How many US troops are in Germany?'))).kind).toBe('decline');
  });
});
