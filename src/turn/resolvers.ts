import type { Resolver } from './resolver.js';
import { answerComparison } from './resolvers/comparison.js';
import { resolveFollowUp } from './resolvers/follow-up.js';
import { matchInConversation } from './resolvers/match-asked.js';
import { answerMetadata } from './resolvers/metadata.js';
import { createMultiPartResolver } from './resolvers/multi-part.js';
import { answerPastSituation } from './resolvers/past-situation.js';
import { pickFromList } from './resolvers/pick-from-list.js';
import { answerRankedQuestion } from './resolvers/ranked-question.js';
import { answerSpeakerNamed } from './resolvers/speaker-named.js';

/**
 * How a message is answered, in order: the first resolver that resolves wins. A new way of
 * answering (multi-part questions, pronouns, questions about the knowledge itself) is one more
 * line here, before `matchInConversation`, which always resolves and so must stay last. Each part of a
 * multi-part question is resolved by the same list (questions about the knowledge, follow-ups)
 * before it is matched.
 */
export const RESOLVERS: readonly Resolver[] = [
  pickFromList,
  answerMetadata,
  answerSpeakerNamed,
  answerComparison,
  resolveFollowUp,
  answerRankedQuestion,
  createMultiPartResolver([answerMetadata, answerSpeakerNamed, resolveFollowUp]),
  answerPastSituation,
  matchInConversation,
];
