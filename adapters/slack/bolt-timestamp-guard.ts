import { HTTPModuleFunctions } from '@slack/bolt';

type ParseAndVerify = typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest;
const GUARDED = Symbol.for('kb-bot.bolt-timestamp-guard');

/** Slack's window for a signed request's timestamp, in both directions. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt's HTTP receiver rejects a signed request older than five minutes but accepts one from any
 * time in the future, so a captured future-dated request could be replayed until that time. This
 * rejects timestamps more than five minutes ahead as well; Bolt answers the error with 401 and a
 * warning, as for a stale one. Module-wide, like Bolt's functions; safe to call twice.
 */
export function guardRequestTimestamps(now: () => number = Date.now): void {
  const functions = HTTPModuleFunctions as unknown as Record<string | symbol, unknown> & {
    parseAndVerifyHTTPRequest: ParseAndVerify;
  };
  if (functions[GUARDED] === true) return;
  const verify = functions.parseAndVerifyHTTPRequest;
  functions.parseAndVerifyHTTPRequest = async (options, request, response) => {
    if (options.enabled !== false) {
      const header = request.headers['x-slack-request-timestamp'];
      const seconds = Number(Array.isArray(header) ? header[0] : header);
      if (Number.isFinite(seconds) && seconds > now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
        throw new Error(
          'Failed to verify authenticity: x-slack-request-timestamp is more than 5 minutes in the future',
        );
      }
    }
    return verify(options, request, response);
  };
  functions[GUARDED] = true;
}
