/**
 * Slack payloads shaped like the real ones (Events API `event_callback`, slash command,
 * `block_actions`), trimmed to the fields Bolt and the adapter read.
 */

export const FAKE_TEAM = 'TTEAM001';
export const FAKE_APP = 'AFAKE0001';

let sequence = 0;
/** A fresh message timestamp, Slack style ("1700000000.000123"). */
export function nextTs(): string {
  sequence += 1;
  return `1700000${String(sequence).padStart(3, '0')}.${String(sequence).padStart(6, '0')}`;
}

export function nextEventId(): string {
  sequence += 1;
  return `Ev${String(sequence).padStart(8, '0')}`;
}

export interface EventCallbackOptions {
  readonly eventId?: string;
  readonly botUserId?: string;
}

/** Wraps an inner event in the Events API envelope. */
export function eventCallback(
  event: Record<string, unknown>,
  options: EventCallbackOptions = {},
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    api_app_id: FAKE_APP,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? nextEventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: FAKE_TEAM,
        user_id: options.botUserId ?? 'UBOT0001',
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export interface MessageFields {
  readonly user?: string;
  readonly channel?: string;
  readonly text: string;
  readonly ts?: string;
  readonly threadTs?: string;
  readonly subtype?: string;
  readonly botId?: string;
}

/** An `app_mention` event; `text` should contain `<@BOTID>` as Slack sends it. */
export function mentionEvent(fields: MessageFields): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: fields.user ?? 'UALICE01',
    text: fields.text,
    ts,
    channel: fields.channel ?? 'CGENERAL1',
    event_ts: ts,
    ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
    ...(fields.botId !== undefined ? { bot_id: fields.botId } : {}),
  };
}

/** A `message` event in a DM (`channel_type: "im"`). */
export function directMessageEvent(fields: MessageFields): Record<string, unknown> {
  const ts = fields.ts ?? nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    user: fields.user ?? 'UALICE01',
    text: fields.text,
    ts,
    channel: fields.channel ?? 'DALICE001',
    event_ts: ts,
    ...(fields.subtype !== undefined ? { subtype: fields.subtype } : {}),
    ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
    ...(fields.botId !== undefined ? { bot_id: fields.botId } : {}),
  };
}

export interface SlashCommandFields {
  readonly text: string;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  readonly command?: string;
}

/** A slash command's fields (form-encoded over HTTP, an object over Socket Mode). */
export function slashCommand(fields: SlashCommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'fake-workspace',
    channel_id: fields.channel ?? 'CGENERAL1',
    channel_name: 'general',
    user_id: fields.user ?? 'UALICE01',
    user_name: 'alice',
    command: fields.command ?? '/ask',
    text: fields.text,
    api_app_id: FAKE_APP,
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `${Date.now()}.1234.abcdef`,
  };
}

export interface ButtonPressFields {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  /** A private (slash-command) message: Slack sends no `message` for those. */
  readonly ephemeral?: boolean;
  readonly messageTs?: string;
  readonly threadTs?: string;
  /** The row the button is in; by default what the bot renders for that action. */
  readonly blockId?: string;
  /** The public message's blocks and text, as Slack echoes them with the press. */
  readonly blocks?: readonly unknown[];
  readonly text?: string;
}

function defaultBlockId(actionId: string): string {
  return actionId.startsWith('kb_choose') ? 'kb_suggestions' : 'kb_feedback';
}

/** A `block_actions` payload for one button press. */
export function buttonPress(fields: ButtonPressFields): Record<string, unknown> {
  const channel = fields.channel ?? 'CGENERAL1';
  const messageTs = fields.messageTs ?? nextTs();
  const ephemeral = fields.ephemeral === true;
  const thread = fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {};
  return {
    type: 'block_actions',
    user: { id: fields.user ?? 'UALICE01', username: 'alice', team_id: FAKE_TEAM },
    api_app_id: FAKE_APP,
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channel,
      is_ephemeral: ephemeral,
      ...thread,
    },
    trigger_id: `${Date.now()}.5678.abcdef`,
    team: { id: FAKE_TEAM, domain: 'fake-workspace' },
    channel: { id: channel, name: 'general' },
    ...(ephemeral
      ? {}
      : {
          message: {
            type: 'message',
            user: 'UBOT0001',
            bot_id: 'BBOT0001',
            ts: messageTs,
            ...thread,
            ...(fields.text !== undefined ? { text: fields.text } : {}),
            ...(fields.blocks !== undefined ? { blocks: fields.blocks } : {}),
          },
        }),
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: fields.blockId ?? defaultBlockId(fields.actionId),
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: fields.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export interface HomePressFields {
  readonly value: string;
  readonly user?: string;
  /** What the bot put in the view's `private_metadata` (its DM channel). */
  readonly privateMetadata?: string;
  readonly actionId?: string;
}

/** A `block_actions` payload for a button on the App Home tab: a view, no channel, no response_url. */
export function homePress(fields: HomePressFields): Record<string, unknown> {
  const user = fields.user ?? 'UALICE01';
  return {
    type: 'block_actions',
    user: { id: user, username: 'alice', team_id: FAKE_TEAM },
    api_app_id: FAKE_APP,
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'VHOME0001' },
    trigger_id: `${Date.now()}.5678.abcdef`,
    team: { id: FAKE_TEAM, domain: 'fake-workspace' },
    view: {
      id: 'VHOME0001',
      type: 'home',
      private_metadata: fields.privateMetadata ?? '',
      callback_id: '',
      blocks: [],
    },
    actions: [
      {
        type: 'button',
        action_id: fields.actionId ?? 'kb_home_ask:0',
        block_id: 'kb_home_examples',
        text: { type: 'plain_text', text: 'example', emoji: true },
        value: fields.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** `app_home_opened`, sent when a user opens the app's Home (or Messages) tab. */
export function homeOpenedEvent(fields: {
  readonly user?: string;
  readonly channel?: string;
  readonly tab?: 'home' | 'messages';
}): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: fields.user ?? 'UALICE01',
    channel: fields.channel ?? 'DALICE001',
    tab: fields.tab ?? 'home',
    event_ts: nextTs(),
  };
}

export interface MessageShortcutFields {
  readonly text: string;
  readonly responseUrl: string;
  readonly user?: string;
  readonly channel?: string;
  readonly callbackId?: string;
  /** Who wrote the message the shortcut was used on. */
  readonly author?: string;
}

/** A message shortcut (`message_action`): "More actions → Ask Knowledge Bot" on a message. */
export function messageShortcut(fields: MessageShortcutFields): Record<string, unknown> {
  const ts = nextTs();
  const channel = fields.channel ?? 'CGENERAL1';
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: FAKE_TEAM, domain: 'fake-workspace' },
    user: { id: fields.user ?? 'UALICE01', name: 'alice', team_id: FAKE_TEAM },
    channel: { id: channel, name: 'general' },
    is_enterprise_install: false,
    callback_id: fields.callbackId ?? 'ask_about_message',
    trigger_id: `${Date.now()}.9012.abcdef`,
    response_url: fields.responseUrl,
    message_ts: ts,
    message: { type: 'message', user: fields.author ?? 'UBOB0001', ts, text: fields.text },
  };
}

/** A `view_submission`, which this app never asks for (no modals): nobody handles it. */
export function viewSubmission(): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM, domain: 'fake-workspace' },
    user: { id: 'UALICE01', username: 'alice', team_id: FAKE_TEAM },
    api_app_id: FAKE_APP,
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.3456.abcdef`,
    view: { id: 'VMODAL001', type: 'modal', callback_id: 'old_modal', state: { values: {} } },
    response_urls: [],
  };
}

/** Form body Slack posts for a slash command. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Form body Slack posts for an interaction: one `payload` field holding JSON. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
