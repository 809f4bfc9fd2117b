import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer, readBody } from './fake-web-api.js';
import { validateMessage } from './message-validation.js';
import { waitFor } from './wait-for.js';

/** One POST to a `response_url`, body parsed. */
export interface ResponseUrlPost {
  /** Which URL (from `newUrl()`) received it. */
  readonly url: string;
  readonly body: Readonly<Record<string, unknown>>;
  /** When it arrived (Date.now()), to order it against other events in a test. */
  readonly at: number;
}

export interface FakeResponseUrls {
  /** A fresh `response_url` to put in a slash command or button payload. */
  newUrl(): string;
  readonly posts: readonly ResponseUrlPost[];
  postsTo(url: string): ResponseUrlPost[];
  waitForPosts(url: string, count?: number, timeoutMs?: number): Promise<ResponseUrlPost[]>;
  /**
   * Answer POSTs with this HTTP status (Slack: 404 expired, 500 outage), the next `times` ones or
   * all until healed with undefined; `retryAfter` adds that header.
   */
  failWith(status: number | undefined, times?: number, retryAfter?: number): void;
  /** Every POST that arrived, failed ones included (Slack counts uses, not successes). */
  readonly attempts: readonly { readonly url: string; readonly at: number }[];
  close(): Promise<void>;
}

/**
 * Stands in for Slack's `response_url` endpoints (`hooks.slack.com/...`): records what the app
 * sends through `respond()`, rejecting messages Slack would reject. Binds 127.0.0.1.
 */
export async function startFakeResponseUrls(): Promise<FakeResponseUrls> {
  const posts: ResponseUrlPost[] = [];
  const attempts: { url: string; at: number }[] = [];
  let failStatus: number | undefined;
  let failRemaining = Number.POSITIVE_INFINITY;
  let failRetryAfter: number | undefined;
  let counter = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = `${base}${request.url ?? ''}`;
      attempts.push({ url, at: Date.now() });
      if (failStatus !== undefined && failRemaining > 0) {
        failRemaining -= 1;
        const headers =
          failRetryAfter !== undefined ? { 'retry-after': String(failRetryAfter) } : {};
        response.writeHead(failStatus, headers).end();
        return;
      }
      // Slack takes five messages per response_url; the sixth use is refused.
      if (attempts.filter((attempt) => attempt.url === url).length > 5) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('used_url');
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      posts.push({ url, body, at: Date.now() });
      const problem = body['delete_original'] === true ? undefined : validateMessage(body);
      if (problem !== undefined) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(problem);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const postsTo = (url: string) => posts.filter((post) => post.url === url);
  return {
    newUrl: () => `${base}/commands/T0001/${++counter}/fake-secret`,
    posts,
    postsTo,
    waitForPosts: (url, count = 1, timeoutMs = 5000) =>
      waitFor(
        `${count} POST(s) to ${url}`,
        () => {
          const matching = postsTo(url);
          return matching.length >= count ? matching : undefined;
        },
        timeoutMs,
      ),
    failWith: (status, times = Number.POSITIVE_INFINITY, retryAfter) => {
      failStatus = status;
      failRemaining = times;
      failRetryAfter = retryAfter;
    },
    attempts,
    close: () => closeServer(server),
  };
}
