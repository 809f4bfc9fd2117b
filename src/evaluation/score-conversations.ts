import type { Bot } from '../bot-types.js';
import type { Reply } from '../reply.js';
import {
  CONVERSATION_STYLES,
  type ConversationStyle,
  type ConversationTurn,
  type DevConversation,
} from './conversation-set.js';
import { expectedEntries } from './question-set.js';
import { answeredEntry, scoreTurn, type TurnOutcome } from './score-turn.js';

/**
 * Runs a conversation set through the real bot, each conversation in a fresh conversation
 * context with its turns in order, and scores every turn with the per-turn scorer, extended to
 * multi-part replies (`parts`) and answers from the knowledge's own metadata (`meta`).
 */

/** Asks `text` in conversation number `conversation`. */
export type AskInConversation = (text: string, conversation: number) => Promise<Reply>;

export interface ConversationTurnResult {
  readonly conversation: number;
  readonly style: ConversationStyle;
  readonly say: string;
  readonly expected: string;
  readonly outcome: TurnOutcome;
  readonly correct: boolean;
  /** Entries the reply answered (several for a multi-part reply). */
  readonly answered: readonly string[];
  /** The article answers this turn (at least in part): it counts towards the answered-right target. */
  readonly answerable: boolean;
  /** The turn must be declined. */
  readonly mustDecline: boolean;
}

export interface ConversationTally {
  readonly turns: number;
  readonly answerable: number;
  readonly answeredRight: number;
  readonly clarifiedRight: number;
  readonly declined: number;
  readonly answeredWrong: number;
  readonly mustDecline: number;
  readonly mustDeclineDeclined: number;
}

export interface ConversationReport {
  readonly styles: Readonly<Partial<Record<ConversationStyle, ConversationTally>>>;
  readonly total: ConversationTally;
  /** Answerable turns answered right, as a share of answerable turns. */
  readonly answeredRightRate: number;
  readonly results: readonly ConversationTurnResult[];
}

/** Every entry a reply answers: each answered part of a multi-part reply, or the one entry. */
export function answeredEntries(reply: Reply): readonly string[] {
  if (reply.kind === 'answer' && reply.parts !== undefined)
    return reply.parts.flatMap((part) => (part.entry ? [part.entry.entry] : []));
  const one = answeredEntry(reply);
  return one === undefined ? [] : [one];
}

const isMeta = (id: string) => id.startsWith('meta.');

/** Scores one turn's reply; see the outcome definitions in `score-turn.ts`. */
export function scoreConversationTurn(
  reply: Reply,
  turn: ConversationTurn,
): { outcome: TurnOutcome; correct: boolean } {
  const answered = answeredEntries(reply);
  if ('parts' in turn) return scoreParts(reply, answered, turn.parts);
  if (turn.expect === 'meta') {
    if (answered.length === 0) return { outcome: 'declined', correct: false };
    const right = answered.every(isMeta);
    return { outcome: right ? 'answered-right' : 'answered-wrong', correct: right };
  }
  if (reply.kind === 'answer' && reply.parts !== undefined) {
    const expected = expectedEntries(turn.expect);
    if (answered.some((id) => !expected.includes(id)))
      return { outcome: 'answered-wrong', correct: false };
    return { outcome: 'answered-right', correct: true };
  }
  // A metadata answer to a turn that expects an entry or a decline is judged like any answer.
  const { outcome, correct } = scoreTurn(reply, turn.expect);
  return { outcome, correct };
}

/** Right when every expected part is answered and a part the knowledge lacks is said to be. */
function scoreParts(
  reply: Reply,
  answered: readonly string[],
  parts: readonly string[],
): { outcome: TurnOutcome; correct: boolean } {
  const expected = parts.filter((id) => id !== 'decline');
  const declinedParts = parts.length - expected.length;
  if (answered.some((id) => !expected.includes(id)))
    return { outcome: 'answered-wrong', correct: false };
  const statedGaps =
    reply.kind === 'answer' ? (reply.parts ?? []).filter((p) => p.entry === undefined).length : 0;
  if (expected.every((id) => answered.includes(id)) && statedGaps >= declinedParts)
    return { outcome: 'answered-right', correct: true };
  const offered = reply.kind === 'answer' ? [] : reply.suggestions.map((s) => s.entry);
  if (answered.length === 0 && offered.some((id) => expected.includes(id)))
    return { outcome: 'clarified-right', correct: false };
  return { outcome: 'declined', correct: false };
}

function describeExpected(turn: ConversationTurn): string {
  const value = 'parts' in turn ? `parts ${turn.parts.join(' + ')}` : turn.expect;
  return Array.isArray(value) ? value.join(' | ') : String(value);
}

export async function evaluateConversations(
  conversations: readonly DevConversation[],
  ask: AskInConversation,
): Promise<ConversationReport> {
  const results: ConversationTurnResult[] = [];
  for (const [index, conversation] of conversations.entries()) {
    for (const turn of conversation.turns) {
      const reply = await ask(turn.say, index);
      const { outcome, correct } = scoreConversationTurn(reply, turn);
      const expected = 'parts' in turn ? turn.parts : expectedEntries(turn.expect);
      results.push({
        conversation: index,
        style: conversation.style,
        say: turn.say,
        expected: describeExpected(turn),
        outcome,
        correct,
        answered: answeredEntries(reply),
        answerable: expected.some((id) => id !== 'decline'),
        mustDecline: !('parts' in turn) && expected.length === 0,
      });
    }
  }
  const styles: Partial<Record<ConversationStyle, ConversationTally>> = {};
  for (const style of CONVERSATION_STYLES) {
    const of = results.filter((r) => r.style === style);
    if (of.length > 0) styles[style] = tallyTurns(of);
  }
  const total = tallyTurns(results);
  return {
    styles,
    total,
    answeredRightRate: total.answerable > 0 ? total.answeredRight / total.answerable : 0,
    results,
  };
}

export function tallyTurns(results: readonly ConversationTurnResult[]): ConversationTally {
  const answerable = results.filter((r) => r.answerable);
  const count = (o: TurnOutcome) => answerable.filter((r) => r.outcome === o).length;
  const mustDecline = results.filter((r) => r.mustDecline);
  return {
    turns: results.length,
    answerable: answerable.length,
    answeredRight: count('answered-right'),
    clarifiedRight: count('clarified-right'),
    declined: count('declined'),
    answeredWrong: results.filter((r) => r.outcome === 'answered-wrong').length,
    mustDecline: mustDecline.length,
    mustDeclineDeclined: mustDecline.filter((r) => r.outcome === 'declined').length,
  };
}

/** Asks through the real bot core, each conversation in a context of its own. */
export function askInConversations(bot: Pick<Bot, 'handle'>, prefix = 'eval'): AskInConversation {
  return (text, conversation) =>
    bot.handle({
      text,
      platform: 'cli',
      user: `${prefix}-${conversation}`,
      conversation: `${prefix}-conversation-${conversation}`,
    });
}
