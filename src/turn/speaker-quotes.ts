import { conversationToolsFor } from '../conversation/conversation-tools.js';
import { clarifyReply, emptyExplanation } from '../reply/build-reply.js';
import { combine } from './combine-parts.js';
import type { Resolution, Turn, TurnTools } from './resolver.js';

/**
 * "what did she say?", "what did Randa Slim say about the talks?", "what does Slim think about
 * the attacks?", "Slim's view on the attacks": the quotes of someone the knowledge quotes, on
 * the topic asked, in their words.
 */

/** At most this many quotes answer "what did she say?" together, as a multi-part reply would. */
const MAX_QUOTES_ANSWERED = 3;
/** What someone's words on a topic are called when a message asks for them without a verb. */
export const VIEW_NOUNS = 'view|views|take|opinion|thoughts|comments?|quotes?|remarks|words';

/**
 * "what did she say?" / "what did she say about the talks?" about someone quoted: their quotes
 * (on that topic), all of them when there are few, each attributed; otherwise a choice of them.
 */
export function quotesOf(
  turn: Turn,
  tools: TurnTools,
  person: string | undefined,
  rewritten: string,
): Resolution | undefined {
  if (person === undefined) return undefined;
  const name = person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const said = new RegExp(
    `^(?:and\\s+)?what\\s+(?:else\\s+)?(?:did|does|has)\\s+${name}\\s+(?:say|said|think|thinks|thought)(?:\\s+(?:about|on)\\s+(.+?))?\\s*[?.!]*$`,
    'i',
  );
  // "Slim's view on whether the attacks will continue", "what's Randa Slim's take on the talks".
  const view = new RegExp(
    `^(?:what(?:'s|s|\\s+is|\\s+are|\\s+was|\\s+were)\\s+)?${name}(?:'s|s')?\\s+(?:${VIEW_NOUNS})\\s+(?:on|about|regarding)\\s+(.+?)\\s*[?.!]*$`,
    'i',
  );
  const asked = said.exec(rewritten) ?? view.exec(rewritten);
  if (asked === null) return undefined;
  // "…on whether the attacks will continue": the topic is what follows "whether".
  const topic = asked[1]?.replace(/^(?:whether|if)\s+/i, '');
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  const quotes = [...turn.kb.entries.values()].filter(
    (entry) =>
      entry.speaker === person && (topic === undefined || coverage.answerCovers(topic, entry)),
  );
  // Nothing they said is on that topic: the question is read as it stands, and declined there.
  if (quotes.length === 0) return undefined;
  // Few quotes are short enough to give all, each attributed; more are offered to choose from.
  if (quotes.length <= (topic === undefined ? 2 : MAX_QUOTES_ANSWERED)) {
    const parts = quotes.map((entry) => ({
      question: entry.questions[0] ?? entry.id,
      reply: tools.answer(entry, 1),
    }));
    const reply = parts.length === 1 ? parts[0]?.reply : combine(parts);
    if (reply) return { reply, question: turn.text };
  }
  const suggestions = quotes.slice(0, 3).map(turn.kb.suggestion);
  return { reply: clarifyReply(suggestions, 1, emptyExplanation(turn.kb)) };
}
