import { randomBytes } from 'node:crypto';

/**
 * Builders for the raw Discord API objects the simulator sends. They carry every field discord.js
 * reads (it crashes on missing `entitlements`, or on numeric permission fields), so tests only pass
 * what matters to them.
 */

/** Discord epoch (2015-01-01) in ms; snowflakes encode their creation time relative to it. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake that sorts by creation time, like Discord's. */
export function nextSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The shard Discord delivers a guild's events on: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A snowflake (for a guild) that Discord would route to `shard` of `shardCount`. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  let id = nextSnowflake();
  while (shardOf(id, shardCount) !== shard) {
    // Snowflakes route by their timestamp part: step it forward one millisecond at a time.
    id = (BigInt(id) + (1n << 22n)).toString();
  }
  return id;
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface SimUser {
  readonly id: string;
  readonly username: string;
  readonly bot?: boolean;
}

export interface SimChannel {
  readonly id: string;
  /** 0 guild text, 1 DM, 11 public thread. */
  readonly type: 0 | 1 | 11;
  readonly guildId?: string;
  /** For threads: the channel the thread belongs to. */
  readonly parentId?: string;
  /** For DMs: the other party. */
  readonly recipient?: SimUser;
}

export function userObject(user: SimUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.username,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

export function memberObject(user: SimUser | undefined, permissions = '2248473465835073'): object {
  return {
    ...(user ? { user: userObject(user) } : {}),
    roles: [],
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
    permissions,
  };
}

export function channelObject(channel: SimChannel): Record<string, unknown> {
  const base = { id: channel.id, type: channel.type, flags: 0 };
  if (channel.type === 1) {
    return {
      ...base,
      last_message_id: null,
      recipients: channel.recipient ? [userObject(channel.recipient)] : [],
    };
  }
  return {
    ...base,
    guild_id: channel.guildId,
    name: `channel-${channel.id.slice(-4)}`,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: channel.parentId ?? null,
    last_message_id: null,
    rate_limit_per_user: 0,
    topic: null,
    ...(channel.type === 11
      ? {
          owner_id: '0',
          member_count: 1,
          message_count: 0,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
        }
      : {}),
  };
}

export function guildObject(
  guild: { readonly id: string; readonly name: string },
  channels: readonly SimChannel[],
  botUser: SimUser,
): object {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: nextSnowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '2248473465835073',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [memberObject(botUser)],
    channels: channels.filter((c) => c.type === 0).map(channelObject),
    threads: channels.filter((c) => c.type === 11).map(channelObject),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageFields {
  readonly id?: string;
  readonly channel: SimChannel;
  readonly author: SimUser;
  readonly content: string;
  /** Users mentioned in the content (Discord resolves `<@id>` into this list). */
  readonly mentions?: readonly SimUser[];
  readonly mentionRoles?: readonly string[];
  readonly mentionEveryone?: boolean;
  readonly components?: readonly unknown[];
  readonly flags?: number;
  readonly messageReference?: object;
}

export function messageObject(fields: MessageFields): Record<string, unknown> {
  return {
    id: fields.id ?? nextSnowflake(),
    type: fields.messageReference ? 19 : 0,
    channel_id: fields.channel.id,
    // Gateway MESSAGE_CREATE carries it; discord.js needs it to build an uncached DM channel.
    channel_type: fields.channel.type,
    ...(fields.channel.guildId
      ? { guild_id: fields.channel.guildId, member: memberObject(undefined) }
      : {}),
    author: userObject(fields.author),
    content: fields.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: fields.mentionEveryone ?? false,
    mentions: (fields.mentions ?? []).map(userObject),
    mention_roles: fields.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: fields.flags ?? 0,
    components: fields.components ?? [],
    ...(fields.messageReference ? { message_reference: fields.messageReference } : {}),
  };
}

export interface InteractionFields {
  readonly applicationId: string;
  readonly type: 2 | 3 | 4;
  readonly user: SimUser;
  readonly channel: SimChannel;
  readonly data: object;
  /** For component interactions: the message carrying the component. */
  readonly message?: object;
}

/** An INTERACTION_CREATE payload; the token is what the bot uses to answer through the webhook routes. */
export function interactionObject(fields: InteractionFields): Record<string, unknown> {
  const inGuild = fields.channel.guildId !== undefined;
  return {
    id: nextSnowflake(),
    application_id: fields.applicationId,
    type: fields.type,
    data: fields.data,
    token: randomToken(),
    version: 1,
    channel: channelObject(fields.channel),
    channel_id: fields.channel.id,
    ...(inGuild
      ? {
          guild_id: fields.channel.guildId,
          guild: { id: fields.channel.guildId, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: memberObject(fields.user),
        }
      : { user: userObject(fields.user) }),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': fields.channel.guildId ?? '0' },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 26_214_400,
    ...(fields.message ? { message: fields.message } : {}),
  };
}
