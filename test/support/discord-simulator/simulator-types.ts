import type { Pings } from './allowed-mentions.js';
import type { SimChannel, SimUser } from './payloads.js';

/** One HTTP request the bot made to the simulated REST API. */
export interface RestCall {
  readonly method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  /** The path as it arrived on the wire. */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string>>;
  /** The Authorization header, or undefined when the request carried none. */
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** The status the simulator answered with. */
  readonly status: number;
  readonly at: number;
}

/** A message the bot posted or an interaction response it sent, as the user would see it. */
export interface SentMessage {
  readonly id: string;
  readonly channelId: string;
  readonly content: string;
  readonly embeds: readonly Record<string, unknown>[];
  /** What a reader sees: the content, then each embed's title, description, fields and footer. */
  readonly text: string;
  readonly components: readonly unknown[];
  readonly flags: number;
  /** Who the message notified, by Discord's allowed-mentions rules. */
  readonly pings: Pings;
  /** `update`: a component's message changed by the press's callback (type 7). */
  readonly via: 'channel' | 'interaction' | 'followup' | 'edit' | 'update';
  /** The interaction whose response (or callback) wrote this. */
  readonly interactionId?: string;
  /** For replies: the message replied to. */
  readonly replyTo?: string;
  /** The raw message object as Discord returns it, for building component interactions. */
  readonly raw: Record<string, unknown>;
}

/** Fault injection: return a response instead of the normal handling for matching calls. */
export interface RestOverride {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RestInterceptor = (call: {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}) => RestOverride | undefined;

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  /** Who used the command or pressed, for the messages' `interaction_metadata`. */
  readonly user: SimUser;
  readonly type: number;
  /** For component interactions: the message the component is on (what type 6/7 update). */
  readonly componentMessageId?: string;
  readonly dispatchedAt: number;
  acknowledged: boolean;
  originalMessageId?: string;
  ephemeral: boolean;
}

/** State the REST routes and the gateway share. */
export interface SimulatorState {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: SimUser;
  readonly interactionTimeoutMs: number;
  /** What `GET /gateway/bot` answers as `shards`. */
  readonly recommendedShards: number;
  gatewayUrl: string;
  readonly restCalls: RestCall[];
  readonly sentMessages: SentMessage[];
  readonly messages: Map<string, Record<string, unknown>>;
  /** Channels seen so far, so the bot's messages are built for the right channel type. */
  readonly channels: Map<string, SimChannel>;
  readonly interactions: Map<string, InteractionRecord>;
  readonly commands: Map<string, unknown[]>;
  readonly interceptors: RestInterceptor[];
  /** Messages deleted by their author: replying to them fails as on Discord. */
  readonly deletedMessages: Set<string>;
  /** Permission bits denied to the bot per channel (a member overwrite). */
  readonly deniedPermissions: Map<string, bigint>;
}
