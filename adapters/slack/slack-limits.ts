/**
 * Slack's documented size limits that replies must respect (Block Kit reference, chat.postMessage).
 * Slack rejects a message over a limit outright (`invalid_blocks`, `msg_too_long`), so the renderer
 * splits or trims before sending.
 */
export const SLACK_LIMITS = {
  /** Characters in a section block's text. */
  sectionText: 3000,
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Characters in a message's top-level `text`. */
  messageText: 40_000,
  /** Elements in one actions block. */
  actionsPerBlock: 25,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in a context block's text element. */
  contextText: 2000,
} as const satisfies Record<string, number>;

/**
 * Our own caps, below Slack's: a reply longer than this is trimmed rather than sent as a wall of
 * messages, and a reply offers at most this many buttons.
 */
export const REPLY_LIMITS = {
  /** Messages one reply may be split into. */
  messagesPerReply: 3,
  /** Text sections per message: 13 × 3,000 stays under the 40,000-character message text. */
  sectionsPerMessage: 13,
  /** Suggestion or related buttons under one reply. */
  suggestionButtons: 5,
} as const satisfies Record<string, number>;
