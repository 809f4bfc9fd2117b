import { HTTPModuleFunctions } from '@slack/bolt';

type ParseBody = typeof HTTPModuleFunctions.parseHTTPRequestBody;
const GUARDED = Symbol.for('kb-bot.bolt-body-guard');

/**
 * Bolt's HTTP receiver reads fields of the parsed body (`body.ssl_check`) without checking that it
 * is an object, inside a detached async function: a correctly signed body of `null` or `42` would
 * reject unhandled and end the process. This makes such a body a parse error, which Bolt already
 * logs and answers with 400. Only bodies no Slack request can have are affected; safe to call twice.
 */
export function guardBoltBodyParsing(): void {
  const functions = HTTPModuleFunctions as unknown as Record<string | symbol, unknown> & {
    parseHTTPRequestBody: ParseBody;
  };
  if (functions[GUARDED] === true) return;
  const parse = functions.parseHTTPRequestBody;
  functions.parseHTTPRequestBody = (request) => {
    const body: unknown = parse(request);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error('the body is not a JSON object or form');
    }
    return body as ReturnType<ParseBody>;
  };
  functions[GUARDED] = true;
}
