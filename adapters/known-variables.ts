import distances from 'natural/lib/natural/distance/levenshtein_distance.js';
import type { Env } from './adapter.js';
import { DISCORD_VARIABLES, SHARD_PROCESS_VARIABLES } from './discord/discord-config.js';
import { SLACK_VARIABLES } from './slack/slack-config.js';

/** Every variable `readCoreConfig` reads (see `.env.example`). */
export const CORE_VARIABLES = [
  'KNOWLEDGE_PATH',
  'STORE_URL',
  'LOG_LEVEL',
  'RATE_LIMIT_PER_MINUTE',
  'RETENTION_DAYS',
  'CONVERSATION_TTL_MINUTES',
  'METRICS_PORT',
  'METRICS_HOST',
  'SHUTDOWN_TIMEOUT_MS',
  'TRAINING_CACHE_DIR',
] as const;

/** Every variable the bot reads, in one list: the config readers' own lists put together. */
export const KNOWN_VARIABLES: readonly string[] = [
  ...CORE_VARIABLES,
  ...DISCORD_VARIABLES,
  ...SLACK_VARIABLES,
  ...SHARD_PROCESS_VARIABLES,
];

/** Platform prefixes: any variable starting with one is meant for us. */
const OUR_PREFIXES = ['SLACK_', 'DISCORD_'] as const;
/** Typos this close to a known name (letters changed, added, dropped or swapped) are flagged. */
const MAX_DISTANCE = 2;
/** Shorter names are too close to too much (`HOME`, `PATH`) to guess at. */
const MIN_LENGTH = 6;

/** A variable that is set but not read, and the known one it most likely meant. */
export interface Lookalike {
  readonly name: string;
  readonly likely: string;
}

/**
 * Variables in `env` that look like ours but are not (`SLACK_BOT_TOKN`, `KNOWLEGDE_PATH`): within
 * two edits of a known name, or with a platform prefix and an unknown name. A misspelt variable is
 * otherwise silently ignored, and the bot runs without the setting.
 */
export function findLookalikes(env: Env, known: readonly string[] = KNOWN_VARIABLES): Lookalike[] {
  const names = new Set(known);
  return Object.keys(env)
    .filter((name) => !names.has(name) && /^[A-Z][A-Z0-9_]*$/.test(name))
    .flatMap((name) => {
      const prefix = OUR_PREFIXES.find((p) => name.startsWith(p));
      const likely = prefix
        ? closestByWords(
            name,
            known.filter((k) => k.startsWith(prefix)),
          )
        : closestBySpelling(name, known);
      return likely === undefined ? [] : [{ name, likely }];
    });
}

/** The known name within two edits, for names long enough to tell a typo from another word. */
function closestBySpelling(name: string, known: readonly string[]): string | undefined {
  if (name.length < MIN_LENGTH) return undefined;
  const [best] = known
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .sort((a, b) => a.distance - b.distance);
  return best !== undefined && best.distance <= MAX_DISTANCE ? best.candidate : undefined;
}

/** The platform's name sharing most words with `name` (`SLACK_SECRET` → `SLACK_SIGNING_SECRET`). */
function closestByWords(name: string, known: readonly string[]): string | undefined {
  const words = new Set(name.split('_'));
  const shared = (candidate: string) => candidate.split('_').filter((w) => words.has(w)).length;
  const [best] = known
    .map((candidate) => ({
      candidate,
      shared: shared(candidate),
      distance: editDistance(name, candidate),
    }))
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance);
  return best?.candidate;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
export function editDistance(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b, { restricted: true });
}
