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
          },
        }),
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'kb_feedback',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: fields.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
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
