import type { RepliableInteraction } from 'discord.js';
import { ASK_COMMAND, ASK_MESSAGE_COMMAND, HELP_COMMAND } from './commands.js';
import { type DiscordHandlers, UNKNOWN_COMMAND } from './discord-handlers.js';

export interface RoutedInteraction {
  /** The event name in log lines. */
  readonly event: string;
  readonly context: Record<string, unknown>;
  readonly work: () => Promise<void>;
}

/** Which handler serves an interaction; anything else (an old command) gets a short private note. */
export function routeInteraction(
  interaction: RepliableInteraction,
  handlers: DiscordHandlers,
  botUserId: string,
): RoutedInteraction {
  if (interaction.isButton()) {
    return {
      event: 'button',
      context: { customId: interaction.customId },
      work: () => handlers.onButton(interaction),
    };
  }
  const context = interaction.isCommand() ? { command: interaction.commandName } : {};
  if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) {
    return { event: 'ask', context, work: () => handlers.onAsk(interaction) };
  }
  if (interaction.isChatInputCommand() && interaction.commandName === HELP_COMMAND) {
    return { event: 'help', context, work: () => handlers.onHelp(interaction) };
  }
  if (
    interaction.isMessageContextMenuCommand() &&
    interaction.commandName === ASK_MESSAGE_COMMAND
  ) {
    return {
      event: 'ask-message',
      context,
      work: () => handlers.onAskMessage(interaction, botUserId),
    };
  }
  return {
    event: 'unknown-command',
    context,
    work: () => handlers.notice(interaction, UNKNOWN_COMMAND),
  };
}
