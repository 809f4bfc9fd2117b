import {
  type APIApplicationCommandOptionChoice,
  type APIEmbed,
  ButtonStyle,
  escapeMarkdown,
} from 'discord.js';
import type { FeedbackReply, Reply, Source, Suggestion } from '../../src/index.js';
import { type ButtonRow, feedbackRow, oneLine, ROW_MAX, suggestionRow } from './button-rows.js';
import { splitMessage, truncate } from './split-message.js';

export type { ButtonRow } from './button-rows.js';

/**
 * No @everyone, role, user or reply pings, whatever the answer or the echoed question says:
 * Discord then shows mentions as text but notifies nobody.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const;

/**
 * One Discord message. The reply itself is an embed; `content` holds only the echoed question of a
 * slash command (plain text, so the channel and a screen reader hear what was asked before the
 * answer). The answer is not repeated in `content`: screen readers read the embed, and a copy
 * would be read twice. Short notices (apologies, "unknown command") are plain `content`.
 */
export interface DiscordMessagePayload {
  readonly content: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly ButtonRow[];
  readonly allowedMentions: typeof NO_PINGS;
}

export interface RenderOptions {
  /** The question, quoted above the answer so the channel sees what was asked. */
  readonly question?: string;
}

/** One colour per outcome, so a reader tells an answer from a "did you mean" at a glance. */
export const OUTCOME_COLOURS = {
  answer: 0x2e8b57,
  clarify: 0xe0a100,
  decline: 0x7a8491,
} as const satisfies Record<Reply['kind'], number>;

/** Discord's limit for an embed description. */
export const EMBED_DESCRIPTION_LIMIT = 4096;
const ECHO_MAX = 300;
export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Renders a core reply as one or more Discord messages, each one embed of at most 4,096 characters. */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessagePayload[] {
  const rows: ButtonRow[] = [];
  const parts = [reply.text];
  const fields: APIEmbed['fields'] = [];
  if (reply.kind === 'answer') {
    if (reply.source) {
      // Discord's limit for a field value; a source line that long is a knowledge-file slip.
      fields.push({ name: 'Source', value: truncate(describeSource(reply.source), 1024) });
    }
    const related = suggestionRow(reply.related, (s) => s.question, ButtonStyle.Secondary);
    if (related) rows.push(related);
    if (reply.entryKind === 'fact') {
      const feedback = feedbackRow(reply.entry.entry);
      if (feedback) rows.push(feedback);
    }
  } else if (reply.kind === 'decline' && reply.reason === 'empty') {
    // Help: the examples are the buttons, labelled with the question itself.
    const examples = suggestionRow(reply.suggestions, (s) => s.question, ButtonStyle.Primary);
    if (examples) rows.push(examples);
  } else if (reply.suggestions.length > 0) {
    const offered = reply.suggestions.slice(0, ROW_MAX);
    parts.push(numbered(offered));
    const row = suggestionRow(offered, (_, i) => String(i + 1), ButtonStyle.Primary);
    if (row) rows.push(row);
  }
  return embedMessages(parts.join('\n\n'), {
    colour: OUTCOME_COLOURS[reply.kind],
    fields,
    rows,
    content: echo(options.question),
  });
}

/**
 * The text as embeds of at most 4,096 characters, one per message (at most 5, then shortened),
 * cut where a reader would pause: the content on the first, the fields and buttons on the last.
 */
function embedMessages(
  text: string,
  parts: { colour: number; fields: APIEmbed['fields']; rows: ButtonRow[]; content: string },
): DiscordMessagePayload[] {
  const chunks = splitMessage(text, { limit: EMBED_DESCRIPTION_LIMIT });
  const fields = parts.fields ?? [];
  return chunks.map((description, index) => {
    const last = index === chunks.length - 1;
    return {
      content: index === 0 ? parts.content : '',
      embeds: [
        {
          color: parts.colour,
          description,
          ...(last && fields.length > 0 ? { fields } : {}),
        },
      ],
      components: last ? parts.rows : [],
      allowedMentions: NO_PINGS,
    };
  });
}

/** After a 👎: the runner-up questions, as a "did you mean" with numbered buttons. */
export function renderFeedback(feedback: FeedbackReply): DiscordMessagePayload[] {
  const offered = feedback.suggestions.slice(0, ROW_MAX);
  if (offered.length === 0) return [];
  const row = suggestionRow(offered, (_, i) => String(i + 1), ButtonStyle.Primary);
  return embedMessages(`${feedback.text}\n\n${numbered(offered)}`, {
    colour: OUTCOME_COLOURS.clarify,
    fields: [],
    rows: row ? [row] : [],
    content: '',
  });
}

/** A one-line private notice (apology, unknown command, restarting): plain text, no embed. */
export function renderNotice(text: string): DiscordMessagePayload {
  return { content: text, embeds: [], components: [], allowedMentions: NO_PINGS };
}

/** What the user sees when a handler failed; the details go to the log. */
export function renderApology(): DiscordMessagePayload {
  return renderNotice(APOLOGY);
}

/** Autocomplete choices: Discord takes at most 25, names and values of 1 to 100 characters. */
export function renderChoices(
  suggestions: readonly Suggestion[],
): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const choices: APIApplicationCommandOptionChoice<string>[] = [];
  for (const suggestion of suggestions) {
    const question = oneLine(suggestion.question);
    const value = truncate(question, 100);
    if (value === '' || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: value, value });
    if (choices.length === 25) break;
  }
  return choices;
}

/**
 * The attribution once; the publication only when the attribution does not already name it
 * ("Scripps News, reporting Randa Slim" is not followed by "Scripps News" again); linked when the
 * knowledge has the article's address.
 */
export function describeSource(source: Source): string {
  const attribution = escapeMarkdown(source.attribution);
  const namesPublication = source.attribution
    .toLowerCase()
    .includes(source.publication.toLowerCase());
  const url = source.url?.replace(/\)/g, '%29');
  const link = (text: string) => (url ? `[${text}](${url})` : text);
  if (namesPublication) return link(attribution);
  const publication = escapeMarkdown(source.publication);
  return `${attribution}, in ${url ? link(publication) : `*${publication}*`}`;
}

function numbered(suggestions: readonly Suggestion[]): string {
  return suggestions.map((s, i) => `${i + 1}. ${escapeMarkdown(oneLine(s.question))}`).join('\n');
}

function echo(question: string | undefined): string {
  if (question === undefined || question.trim() === '') return '';
  // Cut before escaping: escapeMarkdown is slow on long text, and only the start is shown.
  const shown = truncate(oneLine(question), ECHO_MAX);
  return `> ${truncate(escapeUserText(shown), ECHO_MAX * 2)}`;
}

/**
 * What a user typed, made inert for Discord: markdown escaped, and the brackets of a masked link
 * (`[text](https://…)`) too, which `escapeMarkdown` leaves alone.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, '\\$&');
}
