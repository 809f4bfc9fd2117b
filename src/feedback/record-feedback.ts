import type { FeedbackReply, Rating } from '../bot-types.js';
import type { ConversationMemory } from '../conversation/conversation-memory.js';
import type { CurationLog } from '../curation/curation-log.js';
import type { Logger } from '../logger.js';
import type { BotMetrics } from '../metrics.js';
import type { QueryContext } from '../query.js';
import { roundConfidence } from '../reply/round-confidence.js';

export interface FeedbackDeps {
  readonly memory: ConversationMemory;
  readonly curation: CurationLog;
  readonly metrics: BotMetrics;
  readonly logger: Logger;
}

export type RecordFeedback = (
  context: QueryContext,
  entry: string,
  rating: Rating,
) => Promise<FeedbackReply>;

/**
 * 👍/👎 on an answer: logged for curation with the question that was asked (when the rated answer
 * is this conversation's last one); a 👎 offers the runners-up as a numbered list to pick from.
 */
export function createFeedback(deps: FeedbackDeps): RecordFeedback {
  const { memory, curation, metrics, logger } = deps;
  return async (context, entry, rating) => {
    const state = await memory.read(context);
    const last = state.last?.entry === entry ? state.last : undefined;
    await curation.recordFeedback(entry, {
      rating,
      ...(last && { question: last.question, confidence: roundConfidence(last.confidence) }),
    });
    metrics.feedbackRecorded(rating);
    logger.info({ platform: context.platform, entry, rating }, 'feedback recorded');
    if (rating === 'up') return { text: 'Thanks for the feedback.', suggestions: [] };
    const suggestions = last?.runnersUp ?? [];
    if (suggestions.length > 0) await memory.write(context, { ...state, pending: suggestions });
    return {
      text:
        suggestions.length > 0
          ? 'Thanks, noted. Did you mean one of these?'
          : 'Thanks, noted: this answer will be reviewed.',
      suggestions,
    };
  };
}
