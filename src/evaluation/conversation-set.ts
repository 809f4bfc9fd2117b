import { z } from 'zod';
import { readSetFile } from './read-set-file.js';

/**
 * A development set of conversations: each is asked in order in one fresh conversation, and every
 * turn says what is right for it: `expect` (an entry, any of several, `decline`, or `meta` for an
 * answer from the knowledge's own metadata) or `parts` (a multi-part reply, one item per part).
 */
export const CONVERSATION_STYLES = [
  'multi-part',
  'pronoun',
  'ordinal',
  'why',
  'wrong-slot',
  'after-decline',
  'metadata',
  'pick-number',
  'mixed',
] as const;
export type ConversationStyle = (typeof CONVERSATION_STYLES)[number];

const ids = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const turnSchema = z.union([
  z.strictObject({ say: z.string().min(1), expect: ids }),
  z.strictObject({ say: z.string().min(1), parts: z.array(z.string().min(1)).min(2) }),
]);

const conversationSchema = z.object({
  style: z.enum(CONVERSATION_STYLES),
  turns: z.array(turnSchema).min(1),
});

const setSchema = z.object({
  knowledge: z.string().min(1),
  conversations: z.array(conversationSchema).min(1),
});

export type ConversationTurn = z.infer<typeof turnSchema>;
export type DevConversation = z.infer<typeof conversationSchema>;

export interface ConversationSet {
  readonly file: string;
  readonly knowledgePath: string;
  readonly conversations: readonly DevConversation[];
}

/** Whether a file holds conversations rather than single questions. */
export function isConversationSetFile(file: string): boolean {
  return file.endsWith('-conversations.yaml') || file.endsWith('-conversations.yml');
}

export async function readConversationSet(file: string): Promise<ConversationSet> {
  const { data, knowledgePath } = await readSetFile(file, setSchema, 'conversation set');
  return { file, knowledgePath, conversations: data.conversations };
}
