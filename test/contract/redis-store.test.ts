import { createKeyv } from '../../adapters/store/create-keyv.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';
import { describeStoreContract } from './store-contract.js';

let server: RedisServer | undefined;

describeStoreContract({
  name: 'Redis (redis://127.0.0.1:PORT, private redis-server)',
  async setup() {
    const started = await startRedisServer();
    server = started;
    return {
      open: (namespace) => createKeyv(started.url, { namespace }),
      break: () => started.stop(),
      repair: () => started.start(),
    };
  },
  async teardown() {
    await server?.stop();
  },
});
