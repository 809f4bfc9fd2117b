import { beforeAll, describe, expect, it } from 'vitest';
import { readConversationSet } from '../../src/evaluation/conversation-set.js';
import {
  askInConversations,
  type ConversationReport,
  evaluateConversations,
} from '../../src/evaluation/score-conversations.js';
import { createShippedBot, SHIPPED_KNOWLEDGE } from '../support/shipped-bot.js';

/**
 * The conversation development set (written from the article alone, never trained on), scored
 * turn by turn through the real bot, as `npm run kb -- eval test/golden/dev/us-forces-conversations.yaml`
 * does. The floors are what the bot reaches today; the target is 90% of the turns the article
 * answers answered right. Raise a floor when the figure improves; never lower one to pass.
 */
const SET = new URL('./dev/us-forces-conversations.yaml', import.meta.url).pathname;
/** Answerable turns answered right: 92 of 100 when this floor was set (target 90%). */
const ANSWERED_RIGHT_FLOOR = 0.92;

let report: ConversationReport;
beforeAll(async () => {
  const set = await readConversationSet(SET);
  expect(set.knowledgePath).toBe(`${SHIPPED_KNOWLEDGE}us-forces-middle-east.yaml`);
  report = await evaluateConversations(
    set.conversations,
    askInConversations(await createShippedBot()),
  );
}, 120_000);

describe('conversation development set on the shipped knowledge', () => {
  it('has at least 40 conversations of turns in every style of the issue', async () => {
    const set = await readConversationSet(SET);
    expect(set.conversations.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(report.styles).length).toBeGreaterThanOrEqual(8);
  });

  it('answers no turn wrong', () => {
    const wrong = report.results.filter((r) => r.outcome === 'answered-wrong');
    expect(wrong.map((r) => `${r.say} → ${r.answered.join(' + ')}`)).toEqual([]);
  });

  it('declines every turn that must be declined', () => {
    expect(report.total.mustDeclineDeclined).toBe(report.total.mustDecline);
  });

  it(`answers at least ${ANSWERED_RIGHT_FLOOR * 100}% of the turns the article answers right`, () => {
    expect(report.answeredRightRate).toBeGreaterThanOrEqual(ANSWERED_RIGHT_FLOOR);
  });
});
