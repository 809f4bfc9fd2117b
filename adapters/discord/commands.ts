import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK_COMMAND = 'ask';
export const HELP_COMMAND = 'help';
/** The message context-menu command (right-click a message → Apps). */
export const ASK_MESSAGE_COMMAND = 'Ask Knowledge Bot';
export const QUESTION_OPTION = 'question';
export const PRIVATE_OPTION = 'private';

/**
 * Installable to a server (the bot joins it) and to a user's account (the commands follow the
 * user everywhere, without the bot), and usable in servers, DMs with the bot and other DMs or
 * group DMs (private channels), where only the user install reaches.
 */
function everywhere(): {
  integration_types: ApplicationIntegrationType[];
  contexts: InteractionContextType[];
} {
  return {
    integration_types: [
      ApplicationIntegrationType.GuildInstall,
      ApplicationIntegrationType.UserInstall,
    ],
    contexts: [
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    ],
  };
}

/** `/ask question:<text> [private:<bool>]`. */
export const askCommand = {
  type: ApplicationCommandType.ChatInput,
  name: ASK_COMMAND,
  description: 'Ask the knowledge base a question',
  ...everywhere(),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: QUESTION_OPTION,
      description: 'Your question; pick a suggestion or type your own',
      required: true,
      autocomplete: true,
      max_length: 500,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: PRIVATE_OPTION,
      description: 'Only you see the answer',
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** `/help`: what the bot knows, with example questions as buttons. */
export const helpCommand = {
  type: ApplicationCommandType.ChatInput,
  name: HELP_COMMAND,
  description: 'What the bot can answer, with example questions',
  ...everywhere(),
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** "Ask Knowledge Bot" on any message: answers that message's text, privately. */
export const askMessageCommand = {
  type: ApplicationCommandType.Message,
  name: ASK_MESSAGE_COMMAND,
  ...everywhere(),
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

/** Every command the bot registers. */
export const discordCommands: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  askCommand,
  helpCommand,
  askMessageCommand,
];
