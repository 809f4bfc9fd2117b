import type { Query, QueryContext, Rating } from '../../src/index.js';
import { ACTION_IDS } from './render-reply.js';
import { slackToPlainText } from './slack-text.js';

/**
 * Slack payloads → core calls. Payloads are read field by field from `unknown` so a missing or
 * odd field means "not for us" rather than a crash, and recorded fixtures drive these directly.
 */

/** Where to post the reply to an event. */
export interface ReplyTarget {
  readonly channel: string;
  /** Set to answer in a thread. */
  readonly threadTs?: string;
}

export interface IncomingQuestion {
  readonly query: Query;
  readonly target: ReplyTarget;
  /** The question's own message, for the 👀 reaction while it is answered. */
  readonly messageTs: string;
}

/** Message subtypes that are still a person writing something new; edits, joins, bots are not. */
const NEW_MESSAGE_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

type Fields = Readonly<Record<string, unknown>>;

function fields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null ? (value as Fields) : undefined;
}

function get(object: Fields | undefined, key: string): unknown {
  return object?.[key];
}

function str(object: Fields | undefined, key: string): string | undefined {
  const value = get(object, key);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** True when a message or mention came from a person other than the bot itself. */
function isFromPerson(event: Fields, botUserId: string | undefined): boolean {
  const subtype = str(event, 'subtype');
  if (subtype !== undefined && !NEW_MESSAGE_SUBTYPES.has(subtype)) return false;
  if (str(event, 'bot_id') !== undefined || get(event, 'bot_profile') !== undefined) return false;
  const user = str(event, 'user');
  return user !== undefined && user !== botUserId;
}

/**
 * An `app_mention` in a channel → a question answered in a thread under the message (or in the
 * thread the mention was written in). Returns undefined for mentions the bot must ignore.
 */
export function readMention(event: unknown, botUserId?: string): IncomingQuestion | undefined {
  const e = fields(event);
  if (e === undefined || !isFromPerson(e, botUserId)) return undefined;
  const channel = str(e, 'channel');
  const ts = str(e, 'ts');
  const user = str(e, 'user');
  if (channel === undefined || ts === undefined || user === undefined) return undefined;
  // A mention inside a DM also arrives as `message.im` (another event id): answer that one only.
  if (channel.startsWith('D')) return undefined;
  const threadTs = str(e, 'thread_ts') ?? ts;
  return {
    query: {
      text: slackToPlainText(str(e, 'text') ?? '', botUserId),
      platform: 'slack',
      user,
      conversation: channel,
      thread: threadTs,
    },
    target: { channel, threadTs },
    messageTs: ts,
  };
}

/**
 * A `message` event in a direct message with the bot → a question answered in the DM (in the
 * thread, if the user wrote in one). Channel messages are left to `app_mention`.
 */
export function readDirectMessage(
  event: unknown,
  botUserId?: string,
): IncomingQuestion | undefined {
  const e = fields(event);
  if (e === undefined || str(e, 'channel_type') !== 'im' || !isFromPerson(e, botUserId)) {
    return undefined;
  }
  const channel = str(e, 'channel');
  const user = str(e, 'user');
  const ts = str(e, 'ts');
  const text = get(e, 'text');
  // A file sent without a caption is not a question.
  if (channel === undefined || user === undefined || ts === undefined || typeof text !== 'string') {
    return undefined;
  }
  const threadTs = str(e, 'thread_ts');
  return {
    query: {
      text: slackToPlainText(text, botUserId),
      platform: 'slack',
      user,
      conversation: channel,
      ...(threadTs !== undefined ? { thread: threadTs } : {}),
    },
    target: { channel, ...(threadTs !== undefined ? { threadTs } : {}) },
    messageTs: ts,
  };
}

/** A `/ask` slash command → a question; empty text asks the core for help. */
export function readSlashCommand(command: unknown): Query | undefined {
  const c = fields(command);
  const user = str(c, 'user_id');
  const channel = str(c, 'channel_id');
  if (user === undefined || channel === undefined) return undefined;
  const text = get(c, 'text');
  return {
    text: slackToPlainText(typeof text === 'string' ? text : ''),
    platform: 'slack',
    user,
    conversation: channel,
  };
}

export type ButtonIntent =
  | { readonly kind: 'choose'; readonly entry: string }
  | { readonly kind: 'feedback'; readonly entry: string; readonly rating: Rating }
  | { readonly kind: 'share'; readonly entry: string };

/** Where the pressed button's message lives, which decides how to answer. */
export interface ButtonPress {
  readonly intent: ButtonIntent;
  readonly context: QueryContext;
  /** The message was private (a slash-command answer): reply through `response_url`. */
  readonly ephemeral: boolean;
  readonly target: ReplyTarget;
  readonly user: string;
  /** Where the answer to this press may go, in any channel (unset in payloads without one). */
  readonly responseUrl?: string;
  /** The pressed message (public ones carry it), to update it into its result. */
  readonly message?: {
    readonly ts: string;
    readonly text?: string;
    readonly blocks: readonly unknown[];
  };
  /** The row the button was in (`kb_suggestions`, `kb_related`, `kb_feedback`). */
  readonly blockId?: string;
}

/** Reads a `block_actions` press of one of our buttons; undefined for anything else. */
export function readButtonPress(body: unknown, action: unknown): ButtonPress | undefined {
  const b = fields(body);
  const a = fields(action);
  const intent = readIntent(str(a, 'action_id'), str(a, 'value'));
  const user = str(fields(get(b, 'user')), 'id');
  const container = fields(get(b, 'container'));
  const message = fields(get(b, 'message'));
  const channel = str(fields(get(b, 'channel')), 'id') ?? str(container, 'channel_id');
  if (intent === undefined || user === undefined || channel === undefined) return undefined;
  const ephemeral = get(container, 'is_ephemeral') === true;
  // Answers posted in a thread carry the thread's ts; a top-level DM answer carries none.
  const threadTs = ephemeral
    ? undefined
    : (str(message, 'thread_ts') ?? str(container, 'thread_ts'));
  const thread = threadTs !== undefined ? { thread: threadTs } : {};
  const responseUrl = str(b, 'response_url');
  const blockId = str(a, 'block_id');
  const ts = str(message, 'ts') ?? str(container, 'message_ts');
  const blocks = get(message, 'blocks');
  const text = str(message, 'text');
  return {
    intent,
    context: { platform: 'slack', user, conversation: channel, ...thread },
    ephemeral,
    target: { channel, ...(threadTs !== undefined ? { threadTs } : {}) },
    user,
    ...(responseUrl !== undefined && { responseUrl }),
    ...(blockId !== undefined && { blockId }),
    ...(!ephemeral &&
      ts !== undefined &&
      Array.isArray(blocks) && {
        message: { ts, blocks, ...(text !== undefined && { text }) },
      }),
  };
}

/** An example question pressed on the App Home tab: answered in the user's DM with the bot. */
export interface HomePress {
  readonly entry: string;
  readonly user: string;
  /** The DM channel the Home view was published with; the user id posts there too. */
  readonly dmChannel: string;
}

export function readHomePress(body: unknown, action: unknown): HomePress | undefined {
  const b = fields(body);
  const entry = str(fields(action), 'value');
  const user = str(fields(get(b, 'user')), 'id');
  if (entry === undefined || user === undefined) return undefined;
  const metadata = str(fields(get(b, 'view')), 'private_metadata');
  const dmChannel = metadata !== undefined && /^D[A-Z0-9]+$/.test(metadata) ? metadata : user;
  return { entry, user, dmChannel };
}

/** `app_home_opened` on the Home tab (not the Messages tab): who, and their DM channel. */
export function readHomeOpened(event: unknown): { user: string; channel: string } | undefined {
  const e = fields(event);
  if (str(e, 'tab') !== 'home') return undefined;
  const user = str(e, 'user');
  if (user === undefined) return undefined;
  return { user, channel: str(e, 'channel') ?? user };
}

/** A message shortcut ("Ask Knowledge Bot" on a message): its text as a question, privately. */
export function readMessageShortcut(
  body: unknown,
  botUserId?: string,
): { query: Query; responseUrl: string } | undefined {
  const b = fields(body);
  const user = str(fields(get(b, 'user')), 'id');
  const channel = str(fields(get(b, 'channel')), 'id');
  const responseUrl = str(b, 'response_url');
  if (user === undefined || channel === undefined || responseUrl === undefined) return undefined;
  const text = get(fields(get(b, 'message')), 'text');
  return {
    query: {
      text: slackToPlainText(typeof text === 'string' ? text : '', botUserId),
      platform: 'slack',
      user,
      conversation: channel,
    },
    responseUrl,
  };
}

function readIntent(
  actionId: string | undefined,
  entry: string | undefined,
): ButtonIntent | undefined {
  if (actionId === undefined || entry === undefined) return undefined;
  if (actionId === ACTION_IDS.feedbackUp) return { kind: 'feedback', entry, rating: 'up' };
  if (actionId === ACTION_IDS.feedbackDown) return { kind: 'feedback', entry, rating: 'down' };
  if (actionId === ACTION_IDS.share) return { kind: 'share', entry };
  if (actionId === ACTION_IDS.choose || actionId.startsWith(`${ACTION_IDS.choose}:`)) {
    return { kind: 'choose', entry };
  }
  return undefined;
}

/** The Events API envelope's `event_id`, the key Slack keeps across retries of one event. */
export function readEventId(body: unknown): string | undefined {
  return str(fields(body), 'event_id');
}
