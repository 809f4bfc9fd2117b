import { BotError } from '../../src/index.js';

/** The operations endpoints could not start; the message names the variable to change. */
export class OpsServerError extends BotError {}
