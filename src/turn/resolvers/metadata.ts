import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import type { AnswerReply } from '../../reply.js';
import type { Resolver } from '../resolver.js';

/**
 * Questions about the knowledge itself ("what's your source?", "who is quoted?", "who said
 * '…'?"), answered from the file's metadata. "who said '…'" answers as the quote's own entry, so
 * "who is she?" can follow it.
 */
export const answerMetadata: Resolver = ({ kb, text }, tools) => {
  const meta = conversationToolsFor(kb.knowledge).metadata.answer(text);
  if (meta === undefined) return undefined;
  if (meta.entry !== undefined)
    return { reply: { ...tools.answer(meta.entry, 1), text: meta.text } };
  const reply: AnswerReply = {
    kind: 'answer',
    text: meta.text,
    confidence: 1,
    entry: { entry: meta.id, question: text },
    entryKind: 'fact',
    related: [],
  };
  return { reply };
};
