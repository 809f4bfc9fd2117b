import type { types } from '@slack/bolt';
import type { AnswerReply, FeedbackReply, Reply, Source, Suggestion } from '../../src/index.js';
import { REPLY_LIMITS, SLACK_LIMITS } from './slack-limits.js';
import {
  defuseBroadcasts,
  escapeSlackText,
  splitText,
  trimAtWord,
  trimText,
} from './slack-text.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** One message to send: Block Kit blocks plus the fallback `text` Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/**
 * Action ids on our buttons. Slack wants action ids unique within a message, so suggestion buttons
 * get a `:n` suffix; the entry id travels in the button's `value`.
 */
export const ACTION_IDS = {
  choose: 'kb_choose',
  feedbackUp: 'kb_feedback_up',
  feedbackDown: 'kb_feedback_down',
  share: 'kb_share',
  /** Example questions on the App Home tab; answered in the DM. */
  homeAsk: 'kb_home_ask',
} as const;

/** Block ids that tell, on a press, which kind of row the button was in. */
export const BLOCK_IDS = {
  feedback: 'kb_feedback',
  /** Suggestions of a clarification, a decline or help: pressing one answers in their place. */
  suggestions: 'kb_suggestions',
  /** "Related questions" under an answer: pressing one answers below, the answer stays. */
  related: 'kb_related',
} as const;

export interface RenderOptions {
  /** Offer "Share in channel" (private slash-command answers). */
  readonly shareButton?: boolean;
  /** Slack user id of whoever shared the answer publicly, credited under it. */
  readonly sharedBy?: string;
}

const TRIMMED_NOTE = '\n_(The rest of this answer is too long for Slack.)_';
// Neither the user's question nor the bot is at fault when Slack or the store fails for a moment.
const APOLOGY = 'Sorry, no answer could be given just now. Please try again in a moment.';

/**
 * Renders a core reply as one or more Slack messages: the text (escaped, split into sections),
 * then for answers the source line, related questions and 👍/👎; for clarifications numbered
 * suggestion buttons; for declines the questions the bot can answer.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const trailing: KnownBlock[] = [];
  switch (reply.kind) {
    case 'answer':
      trailing.push(...answerBlocks(reply, options));
      break;
    case 'clarify':
      trailing.push(...suggestionBlocks(reply.suggestions, { numbered: true }));
      break;
    case 'decline':
      // The core's decline text already introduces these ("…, for example:").
      trailing.push(...suggestionBlocks(reply.suggestions, { numbered: false }));
      break;
  }
  const sharedBy = options.sharedBy;
  if (sharedBy !== undefined && isSlackUserId(sharedBy)) {
    trailing.push(contextBlock(`Shared by <@${sharedBy}>`));
  }
  return layout(reply.text, trailing);
}

/** The core's acknowledgement of 👍/👎, with the runners-up as numbered buttons after a 👎. */
export function renderFeedback(feedback: FeedbackReply): SlackMessage[] {
  return layout(feedback.text, suggestionBlocks(feedback.suggestions, { numbered: true }));
}

/** What the user sees when handling their message failed. */
export function renderApology(): SlackMessage {
  return { text: APOLOGY, blocks: [sectionBlock(APOLOGY)] };
}

function answerBlocks(reply: AnswerReply, options: RenderOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (reply.source !== undefined) blocks.push(contextBlock(sourceLine(reply.source)));
  if (reply.related.length > 0) {
    blocks.push(contextBlock('Related questions:'));
    blocks.push(
      ...suggestionBlocks(reply.related, { numbered: false, blockId: BLOCK_IDS.related }),
    );
  }
  // Small talk has nothing to rate or share.
  if (reply.entryKind === 'fact') {
    const entry = reply.entry.entry;
    const elements: Button[] = [
      button('👍 Helpful', ACTION_IDS.feedbackUp, entry),
      button('👎 Not helpful', ACTION_IDS.feedbackDown, entry),
    ];
    if (options.shareButton === true) {
      elements.push({ ...button('Share in channel', ACTION_IDS.share, entry), style: 'primary' });
    }
    blocks.push({ type: 'actions', block_id: BLOCK_IDS.feedback, elements });
  }
  return blocks;
}

/**
 * "Source: <attribution>, in <publication>", the publication linked when the knowledge has a URL;
 * when the attribution already names the publication it is said once ("Source: _Scripps News_").
 */
export function sourceLine(source: Source): string {
  const url = source.url !== undefined ? safeLinkTarget(source.url) : undefined;
  const attribution = source.attribution.trim();
  const publication = source.publication.trim();
  const named = (label: string) =>
    url !== undefined ? `<${url}|${escapeSlackText(label)}>` : `_${escapeSlackText(label)}_`;
  const said = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
  if (attribution === '' || said(attribution).includes(said(publication))) {
    return `Source: ${named(attribution || publication)}`;
  }
  return `Source: ${escapeSlackText(attribution)}, in ${named(publication)}`;
}

/** A curated URL becomes a link only if it is plain http(s) with nothing that could break `<url|…>`. */
export function safeLinkTarget(url: string): string | undefined {
  if (!/^https?:\/\/[^\s<>|]+$/i.test(url)) return undefined;
  try {
    return new URL(url).href.replaceAll('&', '&amp;');
  } catch {
    return undefined;
  }
}

function suggestionBlocks(
  suggestions: readonly Suggestion[],
  { numbered, blockId = BLOCK_IDS.suggestions }: { numbered: boolean; blockId?: string },
): KnownBlock[] {
  const shown = suggestions
    .filter((s) => s.entry.length > 0 && s.entry.length <= SLACK_LIMITS.buttonValue)
    .slice(0, Math.min(REPLY_LIMITS.suggestionButtons, SLACK_LIMITS.actionsPerBlock));
  if (shown.length === 0) return [];
  const elements = shown.map((s, i) =>
    button(numbered ? `${i + 1}. ${s.question}` : s.question, `${ACTION_IDS.choose}:${i}`, s.entry),
  );
  return [{ type: 'actions', block_id: blockId, elements }];
}

export function button(label: string, actionId: string, value: string): Button {
  return {
    type: 'button',
    text: {
      type: 'plain_text',
      // Defuse first: the word joiner it inserts must count against the limit too.
      text: trimAtWord(defuseBroadcasts(label), SLACK_LIMITS.buttonText),
      emoji: true,
    },
    action_id: actionId,
    value,
  };
}

export function sectionBlock(escapedText: string): KnownBlock {
  // verbatim: Slack must not auto-link URLs, channel names or mentions in this text.
  return { type: 'section', text: { type: 'mrkdwn', text: escapedText, verbatim: true } };
}

export function contextBlock(mrkdwn: string): KnownBlock {
  return {
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: trimText(mrkdwn, SLACK_LIMITS.contextText), verbatim: true },
    ],
  };
}

/**
 * Places escaped text in sections of at most 3,000 characters, at most 13 sections per message
 * and 3 messages per reply (the rest is trimmed with a note), with `trailing` on the last message.
 */
function layout(text: string, trailing: KnownBlock[]): SlackMessage[] {
  const maxSections = REPLY_LIMITS.messagesPerReply * REPLY_LIMITS.sectionsPerMessage;
  let chunks = splitText(escapeSlackText(text), SLACK_LIMITS.sectionText);
  if (chunks.length > maxSections) {
    chunks = chunks.slice(0, maxSections);
    const last = chunks[maxSections - 1] ?? '';
    chunks[maxSections - 1] =
      `${trimText(last, SLACK_LIMITS.sectionText - TRIMMED_NOTE.length)}${TRIMMED_NOTE}`;
  }
  const groups: string[][] = [];
  for (let i = 0; i < chunks.length; i += REPLY_LIMITS.sectionsPerMessage) {
    groups.push(chunks.slice(i, i + REPLY_LIMITS.sectionsPerMessage));
  }
  if (groups.length === 0) groups.push([]);
  return groups.map((group, index) => {
    const blocks = group.map(sectionBlock);
    if (index === groups.length - 1) blocks.push(...trailing);
    const fallback = group.length > 0 ? group.join('\n\n') : ' ';
    return {
      text: trimText(fallback, SLACK_LIMITS.messageText),
      blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage),
    };
  });
}

function isSlackUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(id);
}
