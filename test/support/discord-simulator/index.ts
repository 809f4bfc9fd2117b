export { type Pings, pingsAnyone, resolvePings } from './allowed-mentions.js';
export {
  type DiscordSimulator,
  type DiscordSimulatorOptions,
  type SimulatorWorld,
  startDiscordSimulator,
} from './discord-simulator.js';
export { PRIVILEGED_INTENTS } from './gateway-server.js';
export type { SimChannel, SimUser } from './payloads.js';
export type { RestCall, RestOverride, SentMessage } from './simulator-types.js';
