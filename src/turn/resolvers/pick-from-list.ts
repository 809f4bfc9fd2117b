import type { Resolver } from '../resolver.js';

/** "2", "#2", "2." or "2)": a number alone. */
const PICK = /^\s*#?([0-9]{1,3})\s*[.)]?\s*$/;

/**
 * A number picks from the list the conversation was last offered (clarify, decline, 👎). A number
 * alone is never a question: with no list pending, or past its end, it gets help.
 */
export const pickFromList: Resolver = ({ kb, text, state }, tools) => {
  const number = PICK.exec(text)?.[1];
  if (number === undefined) return undefined;
  const chosen = state.pending?.[Number(number) - 1];
  const entry = chosen && kb.entries.get(chosen.entry);
  if (entry) return { reply: tools.answer(entry, 1) };
  return { reply: tools.help() };
};
