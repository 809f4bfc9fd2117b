import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import type { Resolver } from '../resolver.js';
import { quotesOf, VIEW_NOUNS } from '../speaker-quotes.js';

/**
 * "what did Randa Slim say?", "what did slim say about the talks?": someone the knowledge quotes,
 * named by their full name or surname, gets their quotes, as "what did she say?" does after an
 * answer about them. Anything else about them ("who is Slim?") is the matcher's.
 */
export const answerSpeakerNamed: Resolver = (turn, tools) => {
  // Most messages ask nothing of what someone said: no name is looked for in them.
  if (!SAYS.test(turn.text)) return undefined;
  const { people } = conversationToolsFor(turn.kb.knowledge);
  const named = [...people].flatMap((person) => {
    const text = withFullName(turn.text, person);
    return text === undefined ? [] : [{ person, text }];
  });
  // A surname two speakers share names neither.
  const [only] = named;
  if (named.length !== 1 || only === undefined) return undefined;
  return quotesOf(turn, tools, only.person, only.text);
};

// The verbs and nouns `quotesOf` reads a question about someone's words by.
const SAYS = new RegExp(`\\b(?:say|said|think|thinks|thought|${VIEW_NOUNS})\\b`, 'i');

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with the person's surname (or full name) written as their full name, if it has it. */
function withFullName(text: string, person: string): string | undefined {
  const surname = person.split(/\s+/).at(-1) ?? person;
  if (surname.length < 3) return undefined;
  const name = new RegExp(`\\b(?:${literal(person)}|${literal(surname)})\\b`, 'i');
  return name.test(text) ? text.replace(name, person) : undefined;
}
