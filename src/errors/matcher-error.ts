import { BotError } from './bot-error.js';

/**
 * The matcher read outside one of its arrays, or was handed arrays whose lengths or offsets
 * disagree. Always a bug in the code that built them, never a problem with a question or a
 * knowledge file: a silent 0 in its place would only have made a score quietly wrong.
 */
export class MatcherError extends BotError {
  constructor(
    code: 'MATCHER_INDEX_OUT_OF_RANGE' | 'MATCHER_BROKEN_INVARIANT',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
