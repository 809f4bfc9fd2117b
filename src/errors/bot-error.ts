/**
 * Base of the project's errors: a stable `code` for programs, a message that says how to fix the
 * problem for people, and the underlying `cause`.
 */
export class BotError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
