import { BotError } from '../src/index.js';

/** A setting is missing or invalid. The message names the variable and how to fix it. */
export class ConfigError extends BotError {
  readonly variable: string;

  constructor(variable: string, problem: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', `${variable} ${problem} (see .env.example)`, options);
    this.variable = variable;
  }
}
