import { createMemoryStore } from '../../adapters/store/memory-store.js';
import { createSilentLogger, type Logger } from '../../src/logger.js';
import { createStateStore, type StateStore } from '../../src/store/state-store.js';
import type { StorePort } from '../../src/store/store-port.js';

/** The core's state store over a private in-memory port, as tests and `npm run ask` use it. */
export function memoryStateStore(
  logger: Logger = createSilentLogger(),
  port: StorePort = createMemoryStore(),
): StateStore {
  return createStateStore(port, logger);
}
