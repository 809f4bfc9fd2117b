import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS } from '../../../adapters/discord/permissions.js';

const readme = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the invite links in the READMEs', () => {
  it('ask for exactly the permissions the bot needs, Embed Links included', () => {
    expect(INVITE_PERMISSIONS).toBe(
      PermissionFlagsBits.ViewChannel |
        PermissionFlagsBits.SendMessages |
        PermissionFlagsBits.SendMessagesInThreads |
        PermissionFlagsBits.ReadMessageHistory |
        PermissionFlagsBits.EmbedLinks,
    );
    for (const path of ['README.md', 'adapters/discord/README.md']) {
      const text = readme(path);
      const asked = [...text.matchAll(/permissions=(\d+)/g)].map((m) => m[1]);
      expect(asked.length).toBeGreaterThan(0);
      expect(new Set(asked)).toEqual(new Set([String(INVITE_PERMISSIONS)]));
      // Both installs: to a server, and to a user's account.
      expect(text).toContain('integration_type=0&scope=bot+applications.commands');
      expect(text).toContain('integration_type=1&scope=applications.commands');
    }
  });
});
