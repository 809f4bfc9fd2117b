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
  /** Answer every POST with this HTTP status (Slack: 404 expired, 500 outage); undefined heals. */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/**
 * Stands in for Slack's `response_url` endpoints (`hooks.slack.com/...`): records what the app
 * sends through `respond()`, rejecting messages Slack would reject. Binds 127.0.0.1.
 */
export async function startFakeResponseUrls(): Promise<FakeResponseUrls> {
  const posts: ResponseUrlPost[] = [];
  let failStatus: number | undefined;
  let counter = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = `${base}${request.url ?? ''}`;
      if (failStatus !== undefined) {
        response.writeHead(failStatus).end();
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
    failWith: (status) => {
      failStatus = status;
    },
    close: () => closeServer(server),
  };
}
