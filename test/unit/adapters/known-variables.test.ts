import { describe, expect, it } from 'vitest';
import {
  editDistance,
  findLookalikes,
  KNOWN_VARIABLES,
} from '../../../adapters/known-variables.js';

describe('variables that look like ours', () => {
  it('GIVEN typos of known names THEN each is named with the variable it likely meant', () => {
    expect(
      findLookalikes({
        KNOWLEGDE_PATH: 'knowledge',
        SLACK_BOT_TOKN: 'xoxb-1',
        STOR_URL: 'redis://x',
        RATE_LIMIT_PER_MINUT: '5',
      }),
    ).toEqual([
      { name: 'KNOWLEGDE_PATH', likely: 'KNOWLEDGE_PATH' },
      { name: 'SLACK_BOT_TOKN', likely: 'SLACK_BOT_TOKEN' },
      { name: 'STOR_URL', likely: 'STORE_URL' },
      { name: 'RATE_LIMIT_PER_MINUT', likely: 'RATE_LIMIT_PER_MINUTE' },
    ]);
  });

  it('GIVEN a platform prefix with an unknown name THEN it is flagged whatever the distance', () => {
    expect(findLookalikes({ DISCORD_BOT_TOKEN: 'x', SLACK_SECRET: 'y' })).toEqual([
      { name: 'DISCORD_BOT_TOKEN', likely: 'DISCORD_TOKEN' },
      { name: 'SLACK_SECRET', likely: 'SLACK_SIGNING_SECRET' },
    ]);
  });

  it('GIVEN known names and an ordinary shell environment THEN nothing is flagged', () => {
    const known = Object.fromEntries(KNOWN_VARIABLES.map((name) => [name, 'set']));
    const shell = {
      PATH: '/usr/bin',
      HOME: '/home/u',
      SHELL: '/bin/bash',
      LANG: 'C.UTF-8',
      TERM: 'xterm',
      USER: 'u',
      PWD: '/',
      NODE_ENV: 'production',
      HOSTNAME: 'box',
      LOGNAME: 'u',
      npm_config_cache: '/tmp',
      SHARDING_MANAGER_MODE: 'process',
    };
    expect(findLookalikes({ ...known, ...shell })).toEqual([]);
  });

  it('GIVEN two names THEN the distance counts swaps, insertions, deletions and changes as one each', () => {
    expect(editDistance('KNOWLEGDE', 'KNOWLEDGE')).toBe(1);
    expect(editDistance('TOKN', 'TOKEN')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
