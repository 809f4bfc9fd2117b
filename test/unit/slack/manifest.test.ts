import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MESSAGE_SHORTCUT, SLASH_COMMAND } from '../../../adapters/slack/slack-handlers.js';

interface Manifest {
  features: {
    slash_commands: { command: string }[];
    shortcuts: { type: string; callback_id: string; name: string }[];
    app_home: { messages_tab_enabled: boolean; home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync('adapters/slack/manifest.yaml', 'utf8')) as Manifest;

describe('GIVEN the Slack app manifest', () => {
  it('THEN it declares the command the adapter listens for', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
  });

  it('THEN it declares the message shortcut the adapter listens for', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: MESSAGE_SHORTCUT }),
    ]);
    expect(manifest.features.shortcuts[0]?.name.length).toBeLessThanOrEqual(24);
  });

  it('THEN it subscribes to exactly the events the adapter handles, with their scopes', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'message.im',
    ]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'commands',
      'im:history',
      'reactions:write',
    ]);
  });

  it('THEN buttons, DMs and the Home tab are enabled and it starts in Socket Mode', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
