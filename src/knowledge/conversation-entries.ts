import type { KnowledgeEntry } from './knowledge.js';

/**
 * Built-in small talk, kept apart from the curated facts: it is matched like any entry, but its
 * answers are about the bot itself, so they never count as answers from the knowledge.
 */
export function createConversationEntries(topic: string): KnowledgeEntry[] {
  const entry = (id: string, answer: string, questions: string[]): KnowledgeEntry => ({
    id: `chat.${id}`,
    kind: 'conversation',
    questions,
    answer,
    related: [],
  });
  return [
    entry('greeting', `Hello. Ask me a question about ${topic}.`, [
      'hello',
      'hi',
      'hey',
      'hi there',
      'hello bot',
      'good morning',
      'good afternoon',
      'hey there, how are you',
      'yo',
      'greetings',
    ]),
    entry('thanks', "You're welcome.", [
      'thanks',
      'thank you',
      'thanks a lot',
      'thank you very much',
      'thx',
      'cheers',
      'great, thanks',
      'ty',
      'much appreciated',
    ]),
    entry(
      'help',
      `I answer questions about ${topic}, from a curated knowledge file, and say so when I don't know. Ask a question in your own words; some examples follow.`,
      [
        'help',
        'what can you do',
        'what can I ask you',
        'what do you know',
        'what questions can you answer',
        'how do I use this bot',
        'what topics do you cover',
        'give me some example questions',
        'what can you tell me about',
        'commands',
      ],
    ),
    entry(
      'about',
      `I'm a knowledge-base bot. I answer questions about ${topic} from a curated knowledge file, cite the source of each answer, and decline what the knowledge does not cover.`,
      [
        'who are you',
        'what are you',
        'are you a bot',
        'are you human',
        'who made you',
        'what is this bot',
        'introduce yourself',
        'where do your answers come from',
        'what is your source',
      ],
    ),
  ];
}
