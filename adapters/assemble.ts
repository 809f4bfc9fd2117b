import {
  type Bot,
  type BotConfig,
  createBot,
  createKnowledgeReloader,
  createStateStore,
  type KnowledgeReloader,
  type Logger,
  type StateStore,
  type StorePort,
} from '../src/index.js';
import type { CoreConfig } from './config.js';
import type { Lookalike } from './known-variables.js';
import { createOps, type Ops } from './metrics/create-ops.js';
import { createStore } from './store/create-store.js';
import { createFileTrainingCache } from './store/file-training-cache.js';

export interface AssembleDeps {
  readonly logger: Logger;
  /** A store to use instead of the one `STORE_URL` names (`npm run ask` keeps its own in memory). */
  readonly store?: StorePort;
  /** Core settings that depend on who is asking rather than on the configuration. */
  readonly bot?: Partial<BotConfig>;
  /** Variables that look like ours but are not (from `findLookalikes`): each is warned about once. */
  readonly lookalikes?: readonly Lookalike[];
}

/** The running core: what every entry point answers with. */
export interface AssembledCore {
  readonly bot: Bot;
  readonly knowledge: KnowledgeReloader;
  /** The core's store, whose `healthy` is the health `/healthz` and `/metrics` report. */
  readonly store: StateStore;
  /** `/healthz` and `/metrics` (a no-op unless `config.ops` is set); started by the caller. */
  readonly ops: Ops;
  readonly logger: Logger;
  /** Stops watching the knowledge, writes what the core buffers and closes the store. Once. */
  close(): Promise<void>;
}

/**
 * Builds the running core from the validated configuration: the store, the knowledge (trained,
 * from the training cache when it has it, then watched for edits), metrics and the bot. `npm
 * start`, the Discord shard processes, `npm run ask` and `npm run kb` all build it here.
 */
export async function assembleCore(config: CoreConfig, deps: AssembleDeps): Promise<AssembledCore> {
  const { logger } = deps;
  for (const { name, likely } of deps.lookalikes ?? []) {
    logger.warn({ variable: name, likely }, `${name} is not a setting: did you mean ${likely}?`);
  }
  // The store first: a bad STORE_URL should fail before seconds of training, not after.
  const port = deps.store ?? (await createStore(config.storeUrl, { logger }));
  let knowledge: KnowledgeReloader;
  try {
    knowledge = await openKnowledge(config, logger);
  } catch (error) {
    await closePort(port, logger);
    throw error;
  }
  const ops = createOps(config.ops, {
    logger,
    knowledgeEntries: () => knowledge.current().knowledge.entries.length,
    storeHealthy: () => store.healthy,
  });
  const metrics = ops.metrics;
  const store = createStateStore(port, logger, {
    ...(metrics && { onError: () => metrics.storeError() }),
  });
  const bot = createBot({
    knowledge: knowledge.current,
    store,
    logger,
    config: { ...config.bot, ...deps.bot },
    ...(metrics && { metrics }),
  });
  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      knowledge.stop();
      await bot.flush();
      await closePort(port, logger);
    })();
    return closed;
  };
  return { bot, knowledge, store, ops, logger, close };
}

/**
 * Loads and trains the knowledge at `KNOWLEDGE_PATH`, then watches it: an edit is validated and
 * retrained in the background, a broken one ignored. An unchanged file starts from its stored
 * calibration instead of cross-validating again.
 */
async function openKnowledge(config: CoreConfig, logger: Logger): Promise<KnowledgeReloader> {
  const dir = config.trainingCacheDir;
  const trainingCache = dir === undefined ? undefined : createFileTrainingCache({ dir, logger });
  const knowledge = await createKnowledgeReloader(
    { path: config.knowledgePath, knowledgeBase: trainingCache ? { trainingCache } : {} },
    logger,
  );
  const { knowledge: loaded, thresholds } = knowledge.current();
  logger.info(
    { files: loaded.files, entries: loaded.entries.length, thresholds },
    'knowledge loaded',
  );
  return knowledge;
}

async function closePort(port: StorePort, logger: Logger): Promise<void> {
  try {
    await port.close();
  } catch (error) {
    logger.warn({ err: error }, 'store did not close cleanly');
  }
}
