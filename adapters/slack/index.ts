/** The Slack adapter's public surface, used by the composition root. */

export { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from './slack-adapter.js';
export {
  readSlackConfig,
  SLACK_DEFAULT_PORT,
  type SlackConfig,
  type SlackHttpConfig,
  type SlackSocketConfig,
} from './slack-config.js';
export { SlackAdapterError, type SlackErrorCode } from './slack-error.js';
