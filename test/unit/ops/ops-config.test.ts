import { describe, expect, it } from 'vitest';
import { readCoreConfig } from '../../../adapters/config.js';
import { ConfigError } from '../../../adapters/config-error.js';

describe('readCoreConfig: operations settings', () => {
  it('GIVEN nothing set THEN metrics are off and the shutdown bound is left to the default', () => {
    const config = readCoreConfig({});
    expect(config.ops).toBeUndefined();
    expect(config.shutdownTimeoutMs).toBeUndefined();
  });

  it('GIVEN METRICS_PORT THEN serves on loopback unless METRICS_HOST says otherwise', () => {
    expect(readCoreConfig({ METRICS_PORT: '9464' }).ops).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(readCoreConfig({ METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' }).ops).toEqual({
      port: 0,
      host: '0.0.0.0',
    });
  });

  it('GIVEN SHUTDOWN_TIMEOUT_MS THEN passes it on in milliseconds', () => {
    expect(readCoreConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
  });

  it.each([
    [{ METRICS_PORT: '65536' }, 'METRICS_PORT'],
    [{ METRICS_PORT: 'http' }, 'METRICS_PORT'],
    [{ METRICS_HOST: '0.0.0.0' }, 'METRICS_PORT'],
    [{ SHUTDOWN_TIMEOUT_MS: '0' }, 'SHUTDOWN_TIMEOUT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: '10s' }, 'SHUTDOWN_TIMEOUT_MS'],
  ])('GIVEN %o THEN fails naming %s', (env, variable) => {
    const attempt = () => readCoreConfig(env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${variable} .*\\(see \\.env\\.example\\)$`));
  });
});
