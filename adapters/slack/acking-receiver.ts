import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

/**
 * Wraps a receiver so that a payload no listener acknowledges (an event type Bolt cannot place such
 * as `app_rate_limited`, a view submission, a shortcut or button from another app version) is
 * acknowledged as soon as Bolt is done with it, and noted at debug level. Bolt alone leaves such a
 * request open for 3 s, then answers 404 and logs an error.
 */
export function createAckingReceiver(inner: Receiver, logger: Logger): Receiver {
  return {
    init(app: App) {
      // The inner receiver sees the app with one method replaced; everything else is the app's own.
      const view = Object.create(app) as App;
      view.processEvent = (event) => processAndAck(app, event, logger);
      inner.init(view);
    },
    start: (...args: unknown[]) => inner.start(...args),
    stop: (...args: unknown[]) => inner.stop(...args),
  };
}

async function processAndAck(app: App, event: ReceiverEvent, logger: Logger): Promise<void> {
  const unclaimed = async () => {
    await event.ack();
    logger.debug(
      { payload: describePayload(event.body) },
      'No listener takes this Slack payload; acknowledged',
    );
  };
  // Bolt would warn and leave it open; `app_rate_limited` is the one Slack really sends.
  if (!boltCanPlace(event.body)) return unclaimed();
  let acked = false;
  const ack: ReceiverEvent['ack'] = async (response) => {
    acked = true;
    await event.ack(response);
  };
  await app.processEvent({ ...event, ack });
  if (!acked) await unclaimed();
}

const PLACEABLE_TYPES = new Set([
  'block_suggestion',
  'dialog_submission',
  'workflow_step_edit',
  'shortcut',
  'message_action',
  'view_submission',
  'view_closed',
]);

/** The payload kinds Bolt's `processEvent` routes to listeners (its `getTypeAndConversation`). */
function boltCanPlace(body: ReceiverEvent['body']): boolean {
  if (body['event'] !== undefined || body['command'] !== undefined) return true;
  if (body['name'] !== undefined || body['actions'] !== undefined) return true;
  return typeof body['type'] === 'string' && PLACEABLE_TYPES.has(body['type']);
}

function describePayload(body: ReceiverEvent['body']): string {
  const type = typeof body['type'] === 'string' ? body['type'] : 'unknown';
  const event = body['event'];
  const inner =
    typeof event === 'object' &&
    event !== null &&
    typeof (event as { type?: unknown }).type === 'string'
      ? `:${(event as { type: string }).type}`
      : '';
  return `${type}${inner}`;
}
