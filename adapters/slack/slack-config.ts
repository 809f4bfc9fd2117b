import type { Env } from '../adapter.js';
import { ConfigError } from '../config-error.js';

interface SlackConfigBase {
  /** Bot User OAuth Token (`xoxb-…`), used for every Web API call. */
  readonly botToken: string;
  /** Web API base URL, e.g. `https://slack.com/api/` (the default) or a GovSlack host. */
  readonly apiUrl?: string;
}

/** Socket Mode: the app opens a WebSocket to Slack, so it needs no public URL. */
export interface SlackSocketConfig extends SlackConfigBase {
  readonly mode: 'socket';
  /** App-Level Token (`xapp-…`) with the `connections:write` scope. */
  readonly appToken: string;
}

/** HTTP mode: Slack POSTs signed requests to `/slack/events` on this port (and `host`). */
export interface SlackHttpConfig extends SlackConfigBase {
  readonly mode: 'http';
  readonly signingSecret: string;
  readonly port: number;
  /** Interface to listen on (`SLACK_HOST`); all interfaces when absent. */
  readonly host?: string;
}

export type SlackConfig = SlackSocketConfig | SlackHttpConfig;

export const SLACK_DEFAULT_PORT = 3000;

export const SLACK_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_PORT',
  'SLACK_HOST',
  'SLACK_API_URL',
] as const;

type SlackVariable = (typeof SLACK_VARIABLES)[number];

/**
 * Reads the Slack settings. Returns undefined when none is set (Slack is not wanted); throws a
 * `ConfigError` naming the variable when the settings are incomplete or contradict each other.
 * `SLACK_APP_TOKEN` selects Socket Mode; without it the app listens for HTTP on `SLACK_PORT`.
 */
export function readSlackConfig(env: Env): SlackConfig | undefined {
  const get = (name: SlackVariable): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  if (SLACK_VARIABLES.every((name) => get(name) === undefined)) return undefined;

  const botToken = get('SLACK_BOT_TOKEN');
  if (botToken === undefined) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      'is not set: copy the Bot User OAuth Token (xoxb-…) from your Slack app’s "OAuth & Permissions" page after installing it, or unset all SLACK_* variables to run without Slack',
    );
  }
  if (!botToken.startsWith('xoxb-')) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      `must be a bot token starting with "xoxb-" (got one starting with "${botToken.slice(0, 5)}"): use the Bot User OAuth Token from "OAuth & Permissions"`,
    );
  }
  const apiUrlSetting = get('SLACK_API_URL');
  const apiUrl = apiUrlSetting !== undefined ? readApiUrl(apiUrlSetting) : undefined;
  const base = { botToken, ...(apiUrl !== undefined ? { apiUrl } : {}) };

  const appToken = get('SLACK_APP_TOKEN');
  if (appToken !== undefined) {
    if (!appToken.startsWith('xapp-')) {
      throw new ConfigError(
        'SLACK_APP_TOKEN',
        'must be an app-level token starting with "xapp-": create one with the connections:write scope under "Basic Information → App-Level Tokens"',
      );
    }
    for (const listening of ['SLACK_PORT', 'SLACK_HOST'] as const) {
      if (get(listening) === undefined) continue;
      throw new ConfigError(
        listening,
        `is set, but SLACK_APP_TOKEN selects Socket Mode, which listens on no port: unset ${listening}, or unset SLACK_APP_TOKEN to use HTTP mode`,
      );
    }
    // A signing secret alongside is harmless (Socket Mode needs none) and common when copying settings.
    return { mode: 'socket', appToken, ...base };
  }

  const signingSecret = get('SLACK_SIGNING_SECRET');
  if (signingSecret === undefined) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'is not set: HTTP mode needs the Signing Secret from "Basic Information → App Credentials"; or set SLACK_APP_TOKEN (xapp-…) to use Socket Mode, which needs no public URL',
    );
  }
  const portSetting = get('SLACK_PORT');
  const port = portSetting !== undefined ? readPort(portSetting) : SLACK_DEFAULT_PORT;
  const hostSetting = get('SLACK_HOST');
  const host = hostSetting !== undefined ? readHost(hostSetting) : undefined;
  return { mode: 'http', signingSecret, port, ...(host !== undefined && { host }), ...base };
}

/** An interface address or host name to listen on (`127.0.0.1`, `::1`, `0.0.0.0`, `localhost`). */
function readHost(value: string): string {
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (!/^[A-Za-z0-9.:%_-]+$/.test(bare)) {
    throw new ConfigError(
      'SLACK_HOST',
      `must be an interface address or host name such as 127.0.0.1 or ::, got "${value}" (default: every interface)`,
    );
  }
  return bare;
}

function readPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port > 65_535) {
    throw new ConfigError(
      'SLACK_PORT',
      `must be a port number from 0 to 65535, got "${value}" (default ${SLACK_DEFAULT_PORT})`,
    );
  }
  return port;
}

function readApiUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigError(
      'SLACK_API_URL',
      `must be a URL such as https://slack.com/api/, got "${value}"`,
      { cause: error },
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      'SLACK_API_URL',
      `must be an http(s) URL such as https://slack.com/api/, got "${value}"`,
    );
  }
  // The Web API client appends method names to this base, so it must end with a slash.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
