import { type FSWatcher, watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { conversationToolsFor } from '../conversation/conversation-tools.js';
import { KnowledgeError } from '../errors/knowledge-error.js';
import {
  createKnowledgeBase,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
} from '../knowledge-base.js';
import type { Logger } from '../logger.js';
import { loadKnowledge } from './load-knowledge.js';

export interface KnowledgeReloaderConfig {
  /** A knowledge file or folder, as for `loadKnowledge`. */
  readonly path: string;
  /** Editors write in bursts (temp file, rename, chmod): wait for quiet before reloading. */
  readonly debounceMs?: number;
  readonly knowledgeBase?: KnowledgeBaseOptions;
}

export interface KnowledgeReloader {
  /** The knowledge in service: pass this function as the bot's `knowledge`. */
  current(): KnowledgeBase;
  /** Reloads now; resolves true when the new version is in service. */
  reload(): Promise<boolean>;
  stop(): void;
}

/**
 * Loads the knowledge, then watches it: on a change it validates and retrains, and swaps the new
 * version in only when it is valid. A broken edit (or a deleted file) is logged with its file and
 * line while the last good version keeps answering.
 */
export async function createKnowledgeReloader(
  config: KnowledgeReloaderConfig,
  logger: Logger,
): Promise<KnowledgeReloader> {
  const build = async () => {
    const kb = createKnowledgeBase(await loadKnowledge(config.path), config.knowledgeBase);
    // Ready before it answers: the first follow-up after a reload does not build them.
    conversationToolsFor(kb.knowledge);
    return kb;
  };
  let current = await build();
  let version = 1;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let again = false;

  async function reload(): Promise<boolean> {
    // One reload at a time; a change during a reload triggers one more afterwards.
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        const next = await build();
        current = next;
        version++;
        logger.info(
          { version, entries: next.knowledge.entries.length, thresholds: next.thresholds },
          'knowledge reloaded',
        );
        return true;
      } catch (error) {
        const location = error instanceof KnowledgeError ? error.location : undefined;
        logger.error(
          { err: error, ...location },
          'knowledge reload failed: still answering from the previous version',
        );
        return false;
      } finally {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      }
    })();
    return running;
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), config.debounceMs ?? 250);
    timer.unref();
  }

  // Watch the folder, not the file: editors replace files by renaming, which ends a file watch.
  const target = resolve(config.path);
  const isFolder = (await stat(target)).isDirectory();
  const folder = isFolder ? target : dirname(target);
  const name = isFolder ? undefined : basename(target);
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, { persistent: false }, (_event, changed) => {
      if (name === undefined || changed === null || changed === name) schedule();
    });
    watcher.on('error', (error) => logger.warn({ err: error, folder }, 'knowledge watch stopped'));
  } catch (error) {
    logger.warn(
      { err: error, folder },
      'cannot watch the knowledge for changes; restart to pick up edits',
    );
  }

  return {
    current: () => current,
    reload,
    stop: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
