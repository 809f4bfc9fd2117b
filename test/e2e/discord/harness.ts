import type { Adapter } from '../../../adapters/adapter.js';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import type { Bot, FeedbackReply, Rating } from '../../../src/bot-types.js';
import type { LogFn, Logger } from '../../../src/logger.js';
import type { Query, QueryContext } from '../../../src/query.js';
import type { AnswerReply, Reply, Suggestion } from '../../../src/reply.js';
import {
  type DiscordSimulator,
  type DiscordSimulatorOptions,
  startDiscordSimulator,
} from '../../support/discord-simulator/index.js';

export interface LogRecord {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly context: Record<string, unknown>;
  readonly message: string | undefined;
}

/** A logger that keeps what it is told, so tests can check errors are logged with context. */
export function createRecordingLogger(
  records: LogRecord[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { records: LogRecord[] } {
  const at =
    (level: LogRecord['level']): LogFn =>
    (first: object | string, message?: string) => {
      records.push(
        typeof first === 'string'
          ? { level, context: { ...bindings }, message: first }
          : { level, context: { ...bindings, ...first }, message },
      );
    };
  return {
    records,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => createRecordingLogger(records, { ...bindings, ...more }),
  };
}

export function answer(text: string, extra: Partial<AnswerReply> = {}): AnswerReply {
  return {
    kind: 'answer',
    text,
    confidence: 0.9,
    entry: { entry: 'troops.iraq', question: 'How many US troops are in Iraq?' },
    entryKind: 'fact',
    source: {
      attribution: 'the U.S. Department of Defense',
      publication: 'Scripps News',
      passage: text,
    },
    related: [],
    ...extra,
  };
}

/**
 * A `Bot` whose replies a test scripts, for checking the adapter's translation exactly. It records
 * every call the adapter makes.
 */
export function createScriptedBot(script: {
  handle?: (query: Query) => Promise<Reply> | Reply;
  choose?: (context: QueryContext, entry: string) => Promise<Reply> | Reply;
  feedback?: (context: QueryContext, entry: string, rating: Rating) => FeedbackReply;
  complete?: (prefix: string, limit?: number) => readonly Suggestion[];
}) {
  const calls: { method: string; args: unknown[] }[] = [];
  const claimed = new Set<string>();
  // As the core does: an event id seen before is a repeat, which gets nothing the adapter sends.
  const isRepeat = (context: { platform: string; eventId?: string }): boolean => {
    if (context.eventId === undefined) return false;
    const key = `${context.platform}:${context.eventId}`;
    if (claimed.has(key)) return true;
    claimed.add(key);
    return false;
  };
  const duplicate: Reply = {
    kind: 'decline',
    reason: 'duplicate',
    text: '',
    confidence: 0,
    suggestions: [],
    quiet: true,
  };
  const bot: Bot = {
    async handle(query) {
      calls.push({ method: 'handle', args: [query] });
      if (isRepeat(query)) return duplicate;
      return (script.handle ?? (() => answer(`You asked: ${query.text}`)))(query);
    },
    async choose(context, entry) {
      calls.push({ method: 'choose', args: [context, entry] });
      if (isRepeat(context)) return duplicate;
      return (script.choose ?? (() => answer(`Answer for ${entry}`)))(context, entry);
    },
    async feedback(context, entry, rating) {
      calls.push({ method: 'feedback', args: [context, entry, rating] });
      if (isRepeat(context)) return { text: '', suggestions: [], duplicate: true };
      return (script.feedback ?? (() => ({ text: 'Thanks for the feedback.', suggestions: [] })))(
        context,
        entry,
        rating,
      );
    },
    async flush() {},
    complete(prefix, limit) {
      calls.push({ method: 'complete', args: [prefix, limit] });
      return (script.complete ?? (() => []))(prefix, limit);
    },
    about() {
      calls.push({ method: 'about', args: [] });
      return { topic: 'the scripted topic', sources: [], examples: [] };
    },
  };
  return { bot, calls };
}

export interface RunningDiscordBot {
  readonly sim: DiscordSimulator;
  readonly adapter: Adapter;
  readonly logger: ReturnType<typeof createRecordingLogger>;
  stop(): Promise<void>;
}

/** Starts the simulator and the adapter (real discord.js) connected to it. */
export async function startDiscordBot(
  bot: Bot,
  options: { deferAfterMs?: number; simulator?: DiscordSimulatorOptions } = {},
): Promise<RunningDiscordBot> {
  const sim = await startDiscordSimulator(options.simulator);
  const logger = createRecordingLogger();
  const adapter = createDiscordAdapter(
    { token: sim.world.token, applicationId: sim.world.applicationId, apiUrl: sim.apiUrl },
    { bot, logger },
    options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs },
  );
  try {
    await adapter.start();
  } catch (error) {
    await sim.stop();
    throw error;
  }
  return {
    sim,
    adapter,
    logger,
    async stop() {
      await adapter.stop();
      await sim.stop();
    },
  };
}
