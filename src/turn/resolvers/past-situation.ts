import { isBackground, situationAndQuestion } from '../../conversation/situation-clause.js';
import { answered } from '../combine-parts.js';
import { guardAnswer, refersBack } from '../context-guard.js';
import type { Resolver } from '../resolver.js';

/**
 * "thinking of resigning, how much notice do heads of department have to give?": the asker's
 * situation dilutes the question, which alone is answered. The question is answered as asked
 * alone when the situation is only background (see `isBackground`) and the whole message leans
 * the same way: its top candidate is the same entry, well ahead of the next, and the message
 * names no slot value that entry lacks. Otherwise it is not this one's.
 */
const ACRONYM = /\b[A-Z]{2,}\b/g;
/** The whole message's runner-up is at most this share of its top candidate. */
const LEAD_SHARE = 0.5;

export const answerPastSituation: Resolver = (turn, tools) => {
  const split = situationAndQuestion(turn.text);
  if (split === undefined || !isBackground(split.situation)) return undefined;
  // A pronoun would stand for something in the situation; "IT" in capitals is no pronoun.
  if (refersBack(split.question.replace(ACRONYM, ''))) return undefined;
  const whole = tools.match(turn.text);
  if (whole.reply.kind === 'answer') return undefined;
  const { reply, candidates } = tools.match(split.question);
  const entry = answered(reply);
  const [top, runnerUp] = whole.candidates;
  if (entry === undefined || top?.entry !== entry) return undefined;
  // The whole leans to the entry, however diluted: well ahead of any other.
  if ((runnerUp?.confidence ?? 0) > top.confidence * LEAD_SHARE) return undefined;
  // "I work on site, what are the core hours?": the situation names what the entry is not for.
  if (top.otherSlot === true) return undefined;
  return guardAnswer(turn, tools, split.question, { reply, question: turn.text, candidates });
};
