import type { SimulatorWorld } from './discord-simulator.js';
import type { Gateway } from './gateway-server.js';
import {
  channelObject,
  interactionObject,
  messageObject,
  nextSnowflake,
  type SimChannel,
  type SimUser,
} from './payloads.js';
import type { SentMessage, SimulatorState } from './simulator-types.js';

const MESSAGE_CONTENT_INTENT = 1 << 15;

interface ButtonLike {
  readonly custom_id?: string;
  readonly disabled?: boolean;
  readonly label?: string;
  readonly style?: number;
}

function buttonsOf(message: Record<string, unknown>): ButtonLike[] {
  const rows = (message['components'] ?? []) as { components?: ButtonLike[] }[];
  return rows.flatMap((row) => row.components ?? []);
}

/**
 * What users do in the simulated Discord: post, delete and mention, use commands and menus, press
 * buttons; and what a server admin does (deny the bot permissions). Each becomes the gateway
 * dispatch Discord would send the bot.
 */
export function createUserActions(deps: {
  readonly state: SimulatorState;
  readonly world: SimulatorWorld;
  readonly gateway: Gateway;
}) {
  const { state, world } = deps;
  const gw = deps.gateway;

  function dispatchInteraction(fields: Parameters<typeof interactionObject>[0]) {
    state.channels.set(fields.channel.id, fields.channel);
    const payload = interactionObject(fields);
    const componentMessageId = (fields.message as { id?: string } | undefined)?.id;
    state.interactions.set(String(payload['id']), {
      id: String(payload['id']),
      token: String(payload['token']),
      channelId: fields.channel.id,
      user: fields.user,
      type: fields.type,
      ...(componentMessageId ? { componentMessageId } : {}),
      dispatchedAt: Date.now(),
      acknowledged: false,
      ephemeral: false,
    });
    gw.dispatch('INTERACTION_CREATE', payload);
    return { id: String(payload['id']), payload };
  }

  const actions = {
    /**
     * MESSAGE_CREATE from a user. Without the Message Content intent Discord blanks the content of
     * guild messages that do not mention the bot, and so does the simulator.
     */
    sendMessage(fields: {
      channel: SimChannel;
      author: SimUser;
      content: string;
      mentions?: readonly SimUser[];
      messageReference?: object;
    }): Record<string, unknown> {
      const intents = gw.session?.intents ?? 0;
      const mentionsBot = (fields.mentions ?? []).some((u) => u.id === world.bot.id);
      const hidden =
        (intents & MESSAGE_CONTENT_INTENT) === 0 &&
        fields.channel.type !== 1 &&
        !mentionsBot &&
        fields.author.id !== world.bot.id;
      state.channels.set(fields.channel.id, fields.channel);
      const message = messageObject({ ...fields, content: hidden ? '' : fields.content });
      // Kept whole (as Discord stores it), for `referenced_message` and context-menu commands.
      state.messages.set(String(message['id']), messageObject(fields));
      gw.dispatch('MESSAGE_CREATE', message);
      return message;
    },

    /** The author deletes a message: MESSAGE_DELETE, and replies to it fail from now on. */
    deleteMessage(message: Record<string, unknown>): void {
      const id = String(message['id']);
      state.deletedMessages.add(id);
      state.messages.delete(id);
      gw.dispatch('MESSAGE_DELETE', {
        id,
        channel_id: message['channel_id'],
        ...(message['guild_id'] ? { guild_id: message['guild_id'] } : {}),
      });
    },

    /**
     * A server admin denies the bot permissions in a channel (a member overwrite): CHANNEL_UPDATE,
     * and REST calls needing them get 403 Missing Permissions.
     */
    denyBotPermissions(channel: SimChannel, bits: bigint): void {
      state.deniedPermissions.set(channel.id, bits);
      gw.dispatch('CHANNEL_UPDATE', {
        ...channelObject(channel),
        permission_overwrites: [{ id: world.bot.id, type: 1, allow: '0', deny: bits.toString() }],
      });
    },

    /**
     * "Apps → <name>" on a message (a message context-menu command, type 3). Discord resolves the
     * message, content included, into `data.resolved.messages`, whatever the bot's intents.
     */
    messageCommand(fields: {
      name: string;
      target: Record<string, unknown>;
      channel?: SimChannel;
      user?: SimUser;
    }) {
      const targetId = String(fields.target['id']);
      const full = state.messages.get(targetId) ?? fields.target;
      return dispatchInteraction({
        applicationId: world.applicationId,
        type: 2,
        user: fields.user ?? world.alice,
        channel: fields.channel ?? world.channel,
        data: {
          id: nextSnowflake(),
          name: fields.name,
          type: 3,
          target_id: targetId,
          resolved: { messages: { [targetId]: full } },
        },
      });
    },

    /** A user @mentions the bot: `<@bot> text`. */
    mentionBot(text: string, fields: { channel?: SimChannel; author?: SimUser } = {}) {
      return actions.sendMessage({
        channel: fields.channel ?? world.channel,
        author: fields.author ?? world.alice,
        content: `<@${world.bot.id}> ${text}`.trimEnd(),
        mentions: [world.bot],
      });
    },

    slashCommand(fields: {
      name: string;
      options: readonly { name: string; type: number; value: unknown }[];
      channel?: SimChannel;
      user?: SimUser;
    }) {
      return dispatchInteraction({
        applicationId: world.applicationId,
        type: 2,
        user: fields.user ?? world.alice,
        channel: fields.channel ?? world.channel,
        data: { id: nextSnowflake(), name: fields.name, type: 1, options: fields.options },
      });
    },

    autocomplete(fields: {
      name: string;
      option: string;
      value: string;
      channel?: SimChannel;
      user?: SimUser;
    }) {
      return dispatchInteraction({
        applicationId: world.applicationId,
        type: 4,
        user: fields.user ?? world.alice,
        channel: fields.channel ?? world.channel,
        data: {
          id: nextSnowflake(),
          name: fields.name,
          type: 1,
          options: [{ name: fields.option, type: 3, value: fields.value, focused: true }],
        },
      });
    },

    /**
     * A user presses a button on a message the bot sent, as the message is now (after any
     * updates). Throws for presses Discord never sends: a disabled button, or someone other than
     * its user pressing on an ephemeral message (only that user sees it).
     */
    pressButton(fields: { message: SentMessage; customId: string; user?: SimUser }) {
      const user = fields.user ?? world.alice;
      const current = state.messages.get(fields.message.id) ?? fields.message.raw;
      const button = buttonsOf(current).find((b) => b.custom_id === fields.customId);
      if (button?.disabled === true) {
        throw new Error(`button ${fields.customId} is disabled: Discord sends no press`);
      }
      const metadata = current['interaction_metadata'] as { user?: { id?: string } } | undefined;
      const ephemeral = (Number(current['flags'] ?? 0) & 64) !== 0;
      if (ephemeral && metadata?.user?.id !== user.id) {
        throw new Error('only the user an ephemeral message was sent to sees it');
      }
      const channel =
        state.channels.get(fields.message.channelId) ??
        (fields.user ? world.dmWith(fields.user) : world.channel);
      return dispatchInteraction({
        applicationId: world.applicationId,
        type: 3,
        user,
        channel,
        data: { custom_id: fields.customId, component_type: 2 },
        message: current,
      });
    },

    /** The message as it is now, after edits and updates. */
    currentMessage(id: string): Record<string, unknown> | undefined {
      return state.messages.get(id);
    },
  };
  return actions;
}
