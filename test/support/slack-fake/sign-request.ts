import { createHmac } from 'node:crypto';

/** Slack's request-signing headers for `body`: `v0=` HMAC-SHA256 over `v0:{timestamp}:{body}`. */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

export interface SlackPost {
  /** Raw body: JSON for events, form-encoded for commands and interactions. */
  readonly body: string;
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  readonly signingSecret: string;
  /** Seconds since the epoch; now when absent. */
  readonly timestamp?: number;
  /** Overrides the computed signature (to send a bad one). */
  readonly signature?: string;
  /** Slack's retry headers, for redelivered events. */
  readonly retryNum?: number;
  readonly retryReason?: string;
}

/** POSTs a request to the app the way Slack does, signed unless told otherwise. */
export async function postAsSlack(url: string, post: SlackPost): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': post.contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signSlackRequest(post.signingSecret, post.body, post.timestamp),
  };
  if (post.signature !== undefined) headers['x-slack-signature'] = post.signature;
  if (post.retryNum !== undefined) headers['x-slack-retry-num'] = String(post.retryNum);
  if (post.retryReason !== undefined) headers['x-slack-retry-reason'] = post.retryReason;
  return fetch(url, { method: 'POST', headers, body: post.body });
}
