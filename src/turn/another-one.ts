import { emptyExplanation } from '../reply/build-reply.js';
import { answered } from './combine-parts.js';
import type { Resolution, Turn, TurnTools } from './resolver.js';

/**
 * "and who is the other person quoted?", "anything else?": a message asking for another one is
 * never answered with the answer just given. Whatever resolved it, the same entry again would be
 * a confident answer to a question the message did not ask; it is declined instead.
 */

const ANOTHER = /\b(?:other|else|another)\b/i;

export function notTheSameAgain(turn: Turn, tools: TurnTools, resolution: Resolution): Resolution {
  const last = turn.state.last?.entry;
  if (last === undefined || !ANOTHER.test(turn.text)) return resolution;
  if (answered(resolution.reply) !== last) return resolution;
  return {
    reply: tools.decline(0, emptyExplanation(turn.kb)),
    question: turn.text,
  };
}
