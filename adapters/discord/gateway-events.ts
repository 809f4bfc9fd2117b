import { type Client, Events } from 'discord.js';
import type { Logger } from '../../src/index.js';
import { gatewayClosedError } from './gateway-close.js';

/**
 * Logs the client's connection life (ready, errors, reconnects, resumes) and reports a close
 * discord.js will not reconnect after (4004, 4014…) through `onFatal`.
 */
export function watchGateway(
  client: Client,
  logger: Logger,
  hooks: { readonly isStopping: () => boolean; readonly onFatal: (error: Error) => void },
): void {
  client.on(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord ready');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord warning'));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn({ err: error, shard }, 'discord gateway connection error'),
  );
  client.on(Events.ShardDisconnect, (event, shard) => {
    // discord.js emits this only for close codes it will not reconnect after.
    logger.error({ code: event.code, shard }, 'discord gateway closed for good; not reconnecting');
    hooks.onFatal(gatewayClosedError(event.code));
  });
  client.on(Events.ShardReconnecting, (shard) => {
    // client.destroy() closes the connection too; that is not a disconnect worth a warning.
    if (!hooks.isStopping()) logger.warn({ shard }, 'discord gateway disconnected; reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'discord gateway resumed'),
  );
}
