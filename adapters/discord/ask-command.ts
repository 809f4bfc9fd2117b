import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK_COMMAND = 'ask';
export const QUESTION_OPTION = 'question';
export const PRIVATE_OPTION = 'private';

/** `/ask question:<text> [private:<bool>]`, usable in servers and in DMs with the bot. */
export const askCommand = {
  type: ApplicationCommandType.ChatInput,
  name: ASK_COMMAND,
  description: 'Ask the knowledge base a question',
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
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

/** Every command the bot registers. */
export const discordCommands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  askCommand,
];
