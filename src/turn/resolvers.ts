import type { Resolver } from './resolver.js';
import { resolveFollowUp } from './resolvers/follow-up.js';
import { matchAsked } from './resolvers/match-asked.js';
import { pickFromList } from './resolvers/pick-from-list.js';

/**
 * How a message is answered, in order: the first resolver that resolves wins. A new way of
 * answering (multi-part questions, pronouns, questions about the knowledge itself) is one more
 * line here, before `matchAsked`, which always resolves and so must stay last.
 */
export const RESOLVERS: readonly Resolver[] = [pickFromList, resolveFollowUp, matchAsked];
