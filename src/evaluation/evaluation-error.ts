import { BotError } from '../errors/bot-error.js';

/** A question set could not be read or does not have the documented shape. */
export class EvaluationError extends BotError {
  constructor(code: 'EVAL_READ' | 'EVAL_FORMAT', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
