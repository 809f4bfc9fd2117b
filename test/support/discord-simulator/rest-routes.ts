import { resolvePings } from './allowed-mentions.js';
import { validateChoices, validateCommands, validateMessageBody } from './payload-validation.js';
import { messageObject, nextSnowflake, userObject } from './payloads.js';
import type {
  InteractionRecord,
  RestOverride,
  SentMessage,
  SimulatorState,
} from './simulator-types.js';

/** What the routes tell the simulator besides the HTTP answer. */
export interface RouteEffects {
  readonly messageSent: (message: SentMessage) => void;
}

type Route = {
  readonly method: string;
  readonly pattern: RegExp;
  /** Interaction callbacks and webhooks are authenticated by their token, not the bot token. */
  readonly auth: boolean;
  readonly handle: (
    match: readonly string[],
    body: unknown,
    query: URLSearchParams,
  ) => RestOverride;
};

const EPHEMERAL = 64;
const VIEW_CHANNEL = 1n << 10n;
const SEND_MESSAGES = 1n << 11n;
const EMBED_LINKS = 1n << 14n;
const SEND_MESSAGES_IN_THREADS = 1n << 38n;

interface ReplyReference {
  readonly message_id?: string;
  readonly fail_if_not_exists?: boolean;
}

interface EmbedText {
  readonly title?: string;
  readonly description?: string;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: { readonly text?: string };
}

function readableText(raw: Record<string, unknown>): string {
  const embeds = (raw['embeds'] ?? []) as EmbedText[];
  return [
    raw['content'] as string,
    ...embeds.flatMap((embed) => [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).map((field) => `${field.name}: ${field.value}`),
      embed.footer?.text,
    ]),
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n\n');
}

/** Discord's answer to a reply whose message was deleted (`fail_if_not_exists` true, the default). */
function unknownReference(): RestOverride {
  return json(400, {
    message: 'Invalid Form Body',
    code: 50035,
    errors: {
      message_reference: {
        _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }],
      },
    },
  });
}

function json(status: number, body: unknown): RestOverride {
  return { status, body };
}

function error(status: number, code: number, message: string): RestOverride {
  return json(status, { message, code });
}

export function createRestRoutes(state: SimulatorState, effects: RouteEffects) {
  const botAuthor = { ...state.botUser, bot: true };

  function record(
    channelId: string,
    body: Record<string, unknown>,
    via: SentMessage['via'],
    extra: {
      id?: string;
      interactionId?: string;
      flags?: number;
      metadata?: Record<string, unknown>;
    } = {},
  ): SentMessage {
    const id = extra.id ?? nextSnowflake();
    const pings = resolvePings(body);
    const reference = body['message_reference'] as { message_id?: string } | undefined;
    const referenced = reference?.message_id ? state.messages.get(reference.message_id) : undefined;
    const raw: Record<string, unknown> = {
      ...messageObject({
        id,
        channel: state.channels.get(channelId) ?? { id: channelId, type: 0 },
        author: botAuthor,
        content: typeof body['content'] === 'string' ? body['content'] : '',
        components: Array.isArray(body['components']) ? body['components'] : [],
        flags: extra.flags ?? 0,
        mentionEveryone: pings.everyone,
        ...(reference ? { messageReference: { ...reference, channel_id: channelId } } : {}),
      }),
      // Discord resolves mentions from the content and allowed_mentions; ids are enough here.
      mentions: pings.users.map((userId) => userObject({ id: userId, username: `user${userId}` })),
      mention_roles: pings.roles,
      embeds: Array.isArray(body['embeds']) ? body['embeds'] : [],
      // Discord includes the message replied to, and for interaction responses who used it.
      ...(referenced ? { referenced_message: referenced } : {}),
      ...(extra.metadata ? { interaction_metadata: extra.metadata } : {}),
    };
    state.messages.set(id, raw);
    const sent: SentMessage = {
      id,
      channelId,
      content: raw['content'] as string,
      embeds: raw['embeds'] as Record<string, unknown>[],
      text: readableText(raw),
      components: raw['components'] as unknown[],
      flags: raw['flags'] as number,
      pings,
      via,
      ...(extra.interactionId ? { interactionId: extra.interactionId } : {}),
      ...(reference?.message_id ? { replyTo: reference.message_id } : {}),
      raw,
    };
    state.sentMessages.push(sent);
    effects.messageSent(sent);
    return sent;
  }

  function interactionFor(token: string | undefined): InteractionRecord | undefined {
    return [...state.interactions.values()].find((i) => i.token === token);
  }

  function createMessage(channelId: string, body: unknown, via: SentMessage['via']): RestOverride {
    const failure = validateMessageBody(body, false);
    if (failure) return error(400, failure.code, failure.message);
    const refused = permissionFailure(channelId, body as Record<string, unknown>);
    if (refused) return refused;
    const reference = (body as { message_reference?: ReplyReference }).message_reference;
    if (reference?.message_id && state.deletedMessages.has(reference.message_id)) {
      // What Discord answers a reply to a deleted message unless fail_if_not_exists is false.
      if (reference.fail_if_not_exists !== false) return unknownReference();
      const { message_reference: _dropped, ...rest } = body as Record<string, unknown>;
      return json(200, record(channelId, rest, via).raw);
    }
    return json(200, record(channelId, body as Record<string, unknown>, via).raw);
  }

  /** 403 Missing Permissions when the bot may not send here, or may not send embeds. */
  function permissionFailure(channelId: string, body: Record<string, unknown>) {
    const denied = state.deniedPermissions.get(channelId) ?? 0n;
    const thread = state.channels.get(channelId)?.type === 11;
    const send = thread ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES;
    const embeds = Array.isArray(body['embeds']) && body['embeds'].length > 0;
    if ((denied & (VIEW_CHANNEL | send)) !== 0n || (embeds && (denied & EMBED_LINKS) !== 0n)) {
      return error(403, 50013, 'Missing Permissions');
    }
    return undefined;
  }

  function callback(match: readonly string[], body: unknown, query: URLSearchParams) {
    const interaction = state.interactions.get(match[1] ?? '');
    if (!interaction || interaction.token !== match[2]) {
      return error(404, 10062, 'Unknown interaction');
    }
    if (Date.now() - interaction.dispatchedAt > state.interactionTimeoutMs) {
      return error(404, 10062, 'Unknown interaction');
    }
    if (interaction.acknowledged) {
      return error(400, 40060, 'Interaction has already been acknowledged.');
    }
    const { type, data } = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
    let message: SentMessage | undefined;
    if (type === 4 || type === 5) {
      const flags = Number(data?.['flags'] ?? 0);
      if (type === 4) {
        const failure = validateMessageBody(data, false);
        if (failure) return error(400, failure.code, failure.message);
      }
      interaction.ephemeral = (flags & EPHEMERAL) !== 0;
      message = record(interaction.channelId, { content: '', ...data }, 'interaction', {
        interactionId: interaction.id,
        flags,
        metadata: metadataOf(interaction),
      });
      interaction.originalMessageId = message.id;
    } else if (type === 8) {
      const failure = validateChoices(data);
      if (failure) return error(400, failure.code, failure.message);
    } else if (type === 6 || type === 7) {
      if (!interaction.componentMessageId) {
        return error(400, 50035, 'Invalid Form Body: only component interactions can update');
      }
      interaction.originalMessageId = interaction.componentMessageId;
      if (type === 7) {
        const failure = validateMessageBody(data ?? {}, true);
        if (failure) return error(400, failure.code, failure.message);
        message = rewrite(interaction.componentMessageId, data ?? {}, 'update', interaction);
      }
    } else {
      return error(400, 50035, `Invalid Form Body: unsupported callback type ${String(type)}`);
    }
    interaction.acknowledged = true;
    if (query.get('with_response') !== 'true') return { status: 204 };
    return json(200, {
      interaction: { id: interaction.id, type: 2, response_message_id: message?.id ?? null },
      resource: { type, ...(message ? { message: message.raw } : {}) },
    });
  }

  function editOriginal(match: readonly string[], body: unknown): RestOverride {
    const interaction = interactionFor(match[2]);
    if (!interaction?.originalMessageId) return error(404, 10008, 'Unknown Message');
    const failure = validateMessageBody(body, true);
    if (failure) return error(400, failure.code, failure.message);
    return json(200, rewrite(interaction.originalMessageId, body, 'edit', interaction).raw);
  }

  /** An edit or a type 7 update: what the body sets replaces, the rest of the message stays. */
  function rewrite(
    messageId: string,
    body: unknown,
    via: SentMessage['via'],
    interaction: InteractionRecord,
  ): SentMessage {
    const previous = state.messages.get(messageId) ?? {};
    const merged = {
      content: previous['content'],
      embeds: previous['embeds'],
      components: previous['components'],
      ...(body as Record<string, unknown>),
    };
    const metadata = previous['interaction_metadata'] as Record<string, unknown> | undefined;
    return record(interaction.channelId, merged, via, {
      id: messageId,
      interactionId: interaction.id,
      flags: Number(previous['flags'] ?? 0),
      ...(metadata ? { metadata } : {}),
    });
  }

  function metadataOf(interaction: InteractionRecord): Record<string, unknown> {
    return {
      id: interaction.id,
      type: interaction.type,
      user: userObject(interaction.user),
      authorizing_integration_owners: { '0': '0' },
      ...(interaction.componentMessageId
        ? { interacted_message_id: interaction.componentMessageId }
        : {}),
    };
  }

  function followUp(match: readonly string[], body: unknown): RestOverride {
    const interaction = interactionFor(match[2]);
    if (!interaction?.acknowledged) return error(404, 10015, 'Unknown Webhook');
    const failure = validateMessageBody(body, false);
    if (failure) return error(400, failure.code, failure.message);
    const flags = Number((body as { flags?: number }).flags ?? 0);
    return json(
      200,
      record(interaction.channelId, body as Record<string, unknown>, 'followup', {
        interactionId: interaction.id,
        flags,
        metadata: metadataOf(interaction),
      }).raw,
    );
  }

  function putCommands(scope: string, appId: string | undefined, body: unknown): RestOverride {
    if (appId !== state.applicationId) return error(403, 50001, 'Missing Access');
    if (!Array.isArray(body)) return error(400, 50035, 'Invalid Form Body: expected an array');
    const invalid = validateCommands(body);
    if (invalid) return error(400, invalid.code, invalid.message);
    const stored = (body as Record<string, unknown>[]).map((command) => ({
      id: nextSnowflake(),
      application_id: appId,
      version: nextSnowflake(),
      default_member_permissions: null,
      type: 1,
      ...command,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    state.commands.set(scope, stored);
    return json(200, stored);
  }

  const routes: Route[] = [
    {
      method: 'GET',
      // Discord requires the bot token here: a wrong token fails at login with a 401.
      pattern: /^\/gateway\/bot$/,
      auth: true,
      handle: () =>
        json(200, {
          url: state.gatewayUrl,
          shards: state.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        }),
    },
    {
      method: 'GET',
      pattern: /^\/users\/@me$/,
      auth: true,
      handle: () => json(200, { ...userObject(botAuthor), verified: true, mfa_enabled: false }),
    },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      auth: true,
      handle: (m, body) => createMessage(m[1] ?? '', body, 'channel'),
    },
    {
      method: 'POST',
      pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      auth: false,
      handle: callback,
    },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      auth: false,
      handle: editOriginal,
    },
    {
      method: 'GET',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/,
      auth: false,
      handle: (m) => {
        const id = interactionFor(m[2])?.originalMessageId;
        const message = id ? state.messages.get(id) : undefined;
        return message ? json(200, message) : error(404, 10008, 'Unknown Message');
      },
    },
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      auth: false,
      handle: followUp,
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/(\d+)\/commands$/,
      auth: true,
      handle: (m, body) => putCommands('global', m[1], body),
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/,
      auth: true,
      handle: (m, body) => putCommands(m[2] ?? '', m[1], body),
    },
  ];

  /** Answers one request; unknown routes get Discord's 404 so an unexpected call shows up in tests. */
  return function route(
    method: string,
    path: string,
    authorization: string | undefined,
    body: unknown,
    query: URLSearchParams,
  ): RestOverride {
    for (const interceptor of state.interceptors) {
      const override = interceptor({ method, path, body });
      if (override) return override;
    }
    for (const candidate of routes) {
      const match = candidate.method === method ? candidate.pattern.exec(path) : null;
      if (!match) continue;
      if (candidate.auth && authorization !== `Bot ${state.token}`) {
        return error(401, 0, '401: Unauthorized');
      }
      return candidate.handle(match, body, query);
    }
    return error(404, 0, '404: Not Found');
  };
}
