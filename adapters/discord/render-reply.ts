import {
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import type { FeedbackReply, Reply, Source, Suggestion } from '../../src/index.js';
import { buttonCustomId } from './custom-ids.js';
import { splitMessage, truncate } from './split-message.js';

/**
 * No @everyone, role, user or reply pings, whatever the answer or the echoed question says:
 * Discord then shows mentions as text but notifies nobody.
 */
export const NO_PINGS = { parse: [], repliedUser: false } as const;

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** One Discord message: text, buttons (on the last message of a reply only), and no pings. */
export interface DiscordMessagePayload {
  readonly content: string;
  readonly components: readonly ButtonRow[];
  readonly allowedMentions: typeof NO_PINGS;
}

export interface RenderOptions {
  /** The question, quoted above a slash-command answer so the channel sees what was asked. */
  readonly question?: string;
}

const BUTTON_LABEL_MAX = 80;
const ROW_MAX = 5;
const ECHO_MAX = 300;
export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** Renders a core reply as one or more Discord messages of at most 2,000 characters. */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessagePayload[] {
  const parts: string[] = [];
  if (options.question !== undefined && options.question.trim() !== '') {
    // Cut before escaping: escapeMarkdown is slow on long text, and only the start is shown.
    const shown = truncate(oneLine(options.question), ECHO_MAX);
    parts.push(`> ${truncate(escapeUserText(shown), ECHO_MAX * 2)}`);
  }
  parts.push(reply.text);
  const rows: ButtonRow[] = [];
  if (reply.kind === 'answer') {
    if (reply.source) parts.push(`-# Source: ${describeSource(reply.source)}`);
    const related = buttonRow(reply.related, (s) => s.question, ButtonStyle.Secondary);
    if (related) rows.push(related);
    if (reply.entryKind === 'fact') {
      const feedback = feedbackRow(reply.entry.entry);
      if (feedback) rows.push(feedback);
    }
  } else if (reply.suggestions.length > 0) {
    const offered = reply.suggestions.slice(0, ROW_MAX);
    parts.push(offered.map((s, i) => `${i + 1}. ${escapeMarkdown(s.question)}`).join('\n'));
    const numbered = buttonRow(offered, (_, i) => String(i + 1), ButtonStyle.Primary);
    if (numbered) rows.push(numbered);
  }
  return withComponents(splitMessage(parts.join('\n\n')), rows);
}

/** The 👍/👎 acknowledgement, with runner-up questions as buttons after a 👎. */
export function renderFeedback(feedback: FeedbackReply): DiscordMessagePayload[] {
  const offered = feedback.suggestions.slice(0, ROW_MAX);
  const parts = [feedback.text];
  if (offered.length > 0) {
    parts.push(offered.map((s, i) => `${i + 1}. ${escapeMarkdown(s.question)}`).join('\n'));
  }
  const row = buttonRow(offered, (_, i) => String(i + 1), ButtonStyle.Primary);
  return withComponents(splitMessage(parts.join('\n\n')), row ? [row] : []);
}

/** What the user sees when a handler failed; the details go to the log. */
export function renderApology(): DiscordMessagePayload {
  return { content: APOLOGY, components: [], allowedMentions: NO_PINGS };
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

function withComponents(chunks: readonly string[], rows: readonly ButtonRow[]) {
  return chunks.map(
    (content, index): DiscordMessagePayload => ({
      content,
      components: index === chunks.length - 1 ? rows : [],
      allowedMentions: NO_PINGS,
    }),
  );
}

function describeSource(source: Source): string {
  const publication = source.url
    ? `[${escapeMarkdown(source.publication)}](<${source.url}>)`
    : `*${escapeMarkdown(source.publication)}*`;
  return source.attribution === source.publication
    ? publication
    : `${publication} (${escapeMarkdown(source.attribution)})`;
}

/** Buttons that answer suggestions; entries whose id cannot fit a custom_id are left out. */
function buttonRow(
  suggestions: readonly Suggestion[],
  label: (suggestion: Suggestion, index: number) => string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): ButtonRow | undefined {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  suggestions.slice(0, ROW_MAX).forEach((suggestion, index) => {
    const customId = buttonCustomId({ kind: 'choose', entry: suggestion.entry });
    if (customId === undefined || seen.has(customId)) return;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style,
      custom_id: customId,
      label: truncate(oneLine(label(suggestion, index)), BUTTON_LABEL_MAX),
    });
  });
  return buttons.length > 0 ? { type: ComponentType.ActionRow, components: buttons } : undefined;
}

function feedbackRow(entry: string): ButtonRow | undefined {
  const up = buttonCustomId({ kind: 'feedback', entry, rating: 'up' });
  const down = buttonCustomId({ kind: 'feedback', entry, rating: 'down' });
  if (up === undefined || down === undefined) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: up,
        emoji: { name: '👍' },
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: down,
        emoji: { name: '👎' },
      },
    ],
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a user typed, made inert for Discord: markdown escaped, and the brackets of a masked link
 * (`[text](https://…)`) too, which `escapeMarkdown` leaves alone.
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text).replace(/[[\]]/g, '\\$&');
}
