import type { Client } from 'discord.js';
import type { Logger } from '../../src/index.js';

interface PacketHandling {
  handlePacket(packet?: { readonly t?: unknown }, shard?: unknown): boolean;
}

/**
 * discord.js trusts the gateway: a dispatch with a malformed payload (a MESSAGE_CREATE whose data
 * is null) throws inside its packet handler, outside any listener of ours, and would end the
 * process. This drops such a packet with a log line, so the next event is served. It wraps the
 * manager's own `handlePacket` (also used for queued packets), changing nothing for valid ones.
 */
export function guardPacketHandling(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as PacketHandling;
  const handle = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet, shard) => {
    try {
      return handle(packet, shard);
    } catch (error) {
      logger.warn(
        { err: error, event: typeof packet?.t === 'string' ? packet.t : undefined },
        'discord: malformed gateway event dropped',
      );
      return true;
    }
  };
}
