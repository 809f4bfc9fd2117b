import { describe, expect, it } from 'vitest';
import { askerOn, SHIPPED_KNOWLEDGE } from '../support/shipped-bot.js';

const HANDBOOK = new URL('dev/handbook.yaml', import.meta.url).pathname;

/**
 * Questions blind testers asked that the knowledge answers and the bot did not: each names the
 * chat around the question that held it back.
 */
describe('questions found blind that the knowledge answers', () => {
  it.each([
    // "only" is a hedge: the part-time question, not another one (stop 30).
    [
      HANDBOOK,
      "Hi! I'm part time, only work 3 days a week. How many days paid holiday do I get? Thanks!",
      'vacation-part-time',
    ],
    // Good wishes around the question are greeting, not content (stop 30).
    [
      SHIPPED_KNOWLEDGE,
      'hi there, hope ur doing good :) who has been attacking american troops in iraq lately?',
      'militia-attacks-recent-months',
    ],
    // A typo of a word that says how the question is put costs no more than the word (stop 30).
    [
      SHIPPED_KNOWLEDGE,
      'totl number of land based us troops in the midle east??',
      'us-troops-middle-east-total',
    ],
  ])('GIVEN %s and "%s" THEN %s is answered', async (knowledge, question, entry) => {
    const reply = await (await askerOn(knowledge))(question);
    expect(reply).toMatchObject({ kind: 'answer', entry: { entry } });
  });
});
