export { type Pings, pingsAnyone, resolvePings } from './allowed-mentions.js';
export {
  type DiscordSimulator,
  type DiscordSimulatorOptions,
  type SimGuild,
  type SimulatorWorld,
  startDiscordSimulator,
} from './discord-simulator.js';
export { type GatewayIdentify, PRIVILEGED_INTENTS } from './gateway-server.js';
export { type SimChannel, type SimUser, shardOf } from './payloads.js';
export type { RestCall, RestOverride, SentMessage } from './simulator-types.js';
