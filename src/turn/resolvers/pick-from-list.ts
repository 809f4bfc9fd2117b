import type { Resolver } from '../resolver.js';

/** "2", "#2", "2." or "2)": a number alone. */
const PICK = /^\s*#?([1-9])\s*[.)]?\s*$/;

/** A number picks from the list the conversation was last offered (clarify, decline, 👎). */
export const pickFromList: Resolver = ({ kb, text, state }, tools) => {
  const number = PICK.exec(text)?.[1];
  if (number === undefined) return undefined;
  const chosen = state.pending?.[Number(number) - 1];
  const entry = chosen && kb.entries.get(chosen.entry);
  return entry ? { reply: tools.answer(entry, 1) } : undefined;
};
