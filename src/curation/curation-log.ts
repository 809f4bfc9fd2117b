import type { Rating } from '../bot-types.js';
import type { StateStore } from '../store/state-store.js';

/** A question the bot could not answer outright, grouped by its normalised text. */
export interface UnansweredQuestion {
  readonly normalized: string;
  /** The wording last seen, as the user typed it. */
  readonly text: string;
  readonly count: number;
  readonly lastSeen: number;
  readonly outcome: 'clarify' | 'decline';
  /** The entries it came closest to, best first. */
  readonly nearest: readonly { readonly entry: string; readonly confidence: number }[];
}

export interface FeedbackRecord {
  readonly rating: Rating;
  readonly question?: string;
  readonly confidence?: number;
  readonly at: number;
}

export interface EntryFeedback {
  readonly entry: string;
  readonly up: number;
  readonly down: number;
  readonly lastSeen: number;
  /** The latest ratings with the question that was asked, newest last. */
  readonly recent: readonly FeedbackRecord[];
}

export interface CurationLog {
  recordUnanswered(question: Omit<UnansweredQuestion, 'count' | 'lastSeen'>): Promise<void>;
  recordFeedback(entry: string, record: Omit<FeedbackRecord, 'at'>): Promise<void>;
  /** Most frequent first. */
  unanswered(): Promise<UnansweredQuestion[]>;
  /** Worst rated first (most 👎 net of 👍). */
  feedback(): Promise<EntryFeedback[]>;
  forgetUnanswered(normalized: string): Promise<void>;
  /** Writes what is buffered; the bot calls it before it stops. */
  flush(): Promise<void>;
}

export interface CurationConfig {
  /** Records not seen for this long are dropped (retention). */
  readonly retentionMs: number;
  /** Keeps the log bounded whatever the traffic. */
  readonly maxItems: number;
  /**
   * Unanswered questions are counted in memory and merged into the store at most this often:
   * rewriting the whole table on every question costs milliseconds each under load.
   */
  readonly flushIntervalMs?: number;
}

/** Keeps each curation table bounded whatever the traffic (the bot's and `kb review`'s). */
export const CURATION_MAX_ITEMS = 1_000;

const UNANSWERED_KEY = 'curation:unanswered';
const FEEDBACK_KEY = 'curation:feedback';
const RECENT_FEEDBACK = 20;

type Table<T> = Record<string, T>;

/**
 * What curators need to improve the knowledge: unanswered questions and ratings per entry. No user
 * ids are kept. Each table is one store value, so every backend can list it; updates within a
 * process are serialised so concurrent questions do not lose counts.
 */
export function createCurationLog(
  store: StateStore,
  config: CurationConfig,
  now: () => number,
): CurationLog {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function update<T extends { lastSeen: number }>(
    key: string,
    change: (table: Table<T>) => void,
  ): Promise<void> {
    await serialise(async () => {
      const table = { ...((await store.get<Table<T>>(key)) ?? {}) };
      change(table);
      await store.set(
        key,
        prune(table, now() - config.retentionMs, config.maxItems),
        config.retentionMs,
      );
    });
  }

  async function read<T extends { lastSeen: number }>(key: string): Promise<T[]> {
    const table = (await store.get<Table<T>>(key)) ?? {};
    return Object.values(prune(table, now() - config.retentionMs, config.maxItems));
  }

  // Counted here between flushes; merged into the stored table (read, add, write) in one go.
  let pending = new Map<string, UnansweredQuestion>();
  let timer: NodeJS.Timeout | undefined;
  const flushUnanswered = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    await update<UnansweredQuestion>(UNANSWERED_KEY, (table) => {
      for (const [key, item] of batch) {
        const previous = table[key];
        // A question not in the table yet has been counted 0 times there.
        table[key] = { ...item, count: (previous?.count ?? 0) + item.count };
      }
    });
  };

  return {
    recordUnanswered: async (question) => {
      const previous = pending.get(question.normalized);
      // Not pending yet: this is its first time in the batch.
      pending.set(question.normalized, {
        ...question,
        count: (previous?.count ?? 0) + 1,
        lastSeen: now(),
      });
      timer ??= setTimeout(() => void flushUnanswered(), config.flushIntervalMs ?? 2_000);
      timer.unref?.();
    },
    recordFeedback: (entry, record) =>
      update<EntryFeedback>(FEEDBACK_KEY, (table) => {
        const previous = table[entry] ?? { entry, up: 0, down: 0, lastSeen: 0, recent: [] };
        table[entry] = {
          entry,
          up: previous.up + (record.rating === 'up' ? 1 : 0),
          down: previous.down + (record.rating === 'down' ? 1 : 0),
          lastSeen: now(),
          recent: [...previous.recent, { ...record, at: now() }].slice(-RECENT_FEEDBACK),
        };
      }),
    unanswered: async () => {
      await flushUnanswered();
      return (await read<UnansweredQuestion>(UNANSWERED_KEY)).sort(
        (a, b) => b.count - a.count || b.lastSeen - a.lastSeen,
      );
    },
    feedback: async () =>
      (await read<EntryFeedback>(FEEDBACK_KEY)).sort(
        (a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down,
      ),
    forgetUnanswered: async (normalized) => {
      await flushUnanswered();
      await update<UnansweredQuestion>(UNANSWERED_KEY, (table) => {
        delete table[normalized];
      });
    },
    flush: flushUnanswered,
  };
}

function prune<T extends { lastSeen: number }>(
  table: Table<T>,
  oldest: number,
  maxItems: number,
): Table<T> {
  const kept = Object.entries(table)
    .filter(([, item]) => item.lastSeen >= oldest)
    .sort(([, a], [, b]) => b.lastSeen - a.lastSeen)
    .slice(0, maxItems);
  return Object.fromEntries(kept);
}
