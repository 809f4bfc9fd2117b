import type { types } from '@slack/bolt';
import type { About, AboutSource } from '../../src/index.js';
import { ACTION_IDS, button, contextBlock, safeLinkTarget, sectionBlock } from './render-reply.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { escapeSlackText, trimText } from './slack-text.js';

/** The App Home view as `views.publish` takes it. */
export interface HomeView {
  readonly type: 'home';
  readonly blocks: types.KnownBlock[];
  /** The user's DM with the bot, where the example buttons answer. */
  readonly private_metadata: string;
}

/** The slash command and how people reach the bot, as the manifest declares them. */
export interface HomeOptions {
  readonly slashCommand: string;
  /** The DM channel Slack gave with `app_home_opened`; the user id works as well. */
  readonly dmChannel: string;
}

/**
 * The Home tab: what the bot knows (topic, sources), how to ask it (slash command, mention, DM) and
 * example questions as buttons. Everything from the knowledge is escaped.
 */
export function renderHome(about: About, options: HomeOptions): HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Knowledge Bot', emoji: true } },
    sectionBlock(
      `I answer questions about *${escapeSlackText(about.topic)}* from a curated knowledge file, name the source of every answer, and say so when I don't know.`,
    ),
  ];
  if (about.sources.length > 0) {
    blocks.push(contextBlock(`Sources: ${about.sources.map(sourceLabel).join('; ')}`));
  }
  blocks.push(
    { type: 'divider' },
    sectionBlock(
      [
        '*How to ask*',
        `• \`${options.slashCommand} your question\` in any channel: only you see the answer, with a button to share it.`,
        '• Mention me in a channel I am in: I answer in a thread.',
        '• Send me a direct message in the *Messages* tab.',
        '• On any message, *More actions → Ask Knowledge Bot* answers that message privately.',
      ].join('\n'),
    ),
  );
  const examples = about.examples.filter(
    (example) => example.entry.length > 0 && example.entry.length <= SLACK_LIMITS.buttonValue,
  );
  if (examples.length > 0) {
    blocks.push(sectionBlock('*Try one of these* (answered in our direct messages)'), {
      type: 'actions',
      block_id: 'kb_home_examples',
      elements: examples
        .slice(0, SLACK_LIMITS.actionsPerBlock)
        .map((example, i) => button(example.question, `${ACTION_IDS.homeAsk}:${i}`, example.entry)),
    });
  }
  return { type: 'home', blocks, private_metadata: options.dmChannel };
}

function sourceLabel(source: AboutSource): string {
  const name = escapeSlackText(trimText(source.title ?? source.publication, 200));
  const publication =
    source.title !== undefined ? ` (_${escapeSlackText(source.publication)}_)` : '';
  const url = source.url !== undefined ? safeLinkTarget(source.url) : undefined;
  return url !== undefined ? `<${url}|${name}>${publication}` : `${name}${publication}`;
}
