import { describe, expect, it } from 'vitest';
import { createStore } from '../../adapters/store/create-store.js';
import {
  REDIS_SERVER_MISSING,
  type RedisServer,
  startRedisServer,
} from '../support/redis-server.js';
import { describeStoreContract } from './store-contract.js';

let server: RedisServer | undefined;

describeStoreContract({
  name: 'Redis (redis://127.0.0.1:PORT, private redis-server)',
  async setup() {
    const started = await startRedisServer();
    server = started;
    return {
      open: (namespace) => createStore(started.url, { namespace }),
      break: () => started.stop(),
      repair: () => started.start(),
    };
  },
  async teardown() {
    await server?.stop();
  },
});

describe('the Redis suites without redis-server', () => {
  it('GIVEN redis-server is not installed THEN starting a test server fails loudly, saying how to install it', async () => {
    await expect(
      startRedisServer({ command: 'redis-server-that-is-not-installed' }),
    ).rejects.toThrow(REDIS_SERVER_MISSING);
    expect(REDIS_SERVER_MISSING).toContain('apt-get install -y redis-server');
  });
});
