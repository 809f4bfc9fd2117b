import type { Resolver } from '../resolver.js';

/** The question as asked, matched against the knowledge. Always resolves: it comes last. */
export const matchAsked: Resolver = ({ text }, tools) => {
  const { reply, candidates } = tools.match(text);
  return { reply, question: text, candidates };
};
