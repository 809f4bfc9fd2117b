import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../../adapters/slack/bolt-logger.js';
import { createRecordingLogger } from '../../support/slack-fake/index.js';

describe('createBoltLogger', () => {
  it('GIVEN Bolt’s variadic lines THEN they reach our logger as one message, tagged slack', () => {
    const logger = createRecordingLogger();
    const bolt = createBoltLogger(logger);
    bolt.warn('Failed to verify', { status: 401 }, 3);
    expect(logger.records).toEqual([
      {
        level: 'warn',
        context: { component: 'slack' },
        message: 'Failed to verify {"status":401} 3',
      },
    ]);
  });

  it('GIVEN an Error among the parts THEN it is passed as `err` for the structured log', () => {
    const logger = createRecordingLogger();
    const error = new Error('boom');
    createBoltLogger(logger).error('Slack API error: boom', error);
    expect(logger.records[0]?.context).toEqual({ component: 'slack', err: error });
    expect(logger.records[0]?.message).toBe('Slack API error: boom');
  });

  it('GIVEN the level Bolt sets THEN quieter lines are dropped', () => {
    const logger = createRecordingLogger();
    const bolt = createBoltLogger(logger);
    bolt.debug('payload with user text');
    bolt.setLevel(LogLevel.ERROR);
    bolt.warn('dropped');
    bolt.error('kept');
    expect(bolt.getLevel()).toBe(LogLevel.ERROR);
    expect(logger.records.map((r) => r.message)).toEqual(['kept']);
  });

  it('GIVEN setName THEN the source is named in later lines', () => {
    const logger = createRecordingLogger();
    const bolt = createBoltLogger(logger);
    bolt.setName('socket-mode');
    bolt.info('connected');
    expect(logger.records[0]?.context).toEqual({ component: 'slack', source: 'socket-mode' });
  });
});
