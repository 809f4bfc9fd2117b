import { createServer } from 'node:net';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createOpsServer,
  type HealthReport,
  type OpsServer,
} from '../../../adapters/metrics/ops-server.js';
import { OpsServerError } from '../../../adapters/metrics/ops-server-error.js';
import { createPrometheusMetrics } from '../../../adapters/metrics/prometheus-metrics.js';
import { createRecordingLogger } from '../../support/slack-fake/index.js';

const running: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function start(
  health: () => HealthReport = () => ({ status: 'ok', store: 'ok', knowledge: { entries: 3 } }),
  registry: Registry = createPrometheusMetrics().registry,
) {
  const logger = createRecordingLogger();
  const server = createOpsServer({
    port: 0,
    host: '127.0.0.1',
    metrics: { registry },
    health,
    logger,
  });
  running.push(server);
  const { port } = await server.start();
  return { server, logger, base: `http://127.0.0.1:${port}` };
}

describe('createOpsServer', () => {
  it('GIVEN a healthy bot THEN GET /healthz is 200 with the JSON report', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ status: 'ok', store: 'ok', knowledge: { entries: 3 } });
  });

  it('GIVEN a degraded store THEN /healthz stays 200 (the bot answers) and says degraded', async () => {
    const { base } = await start(() => ({
      status: 'ok',
      store: 'degraded',
      knowledge: { entries: 3 },
    }));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ store: 'degraded' });
  });

  it('GIVEN a shutdown under way THEN /healthz is 503 so a load balancer sends work elsewhere', async () => {
    const { base } = await start(() => ({
      status: 'stopping',
      store: 'ok',
      knowledge: { entries: 3 },
    }));
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'stopping' });
  });

  it('GIVEN GET /metrics THEN answers the registry in the Prometheus text format', async () => {
    const metrics = createPrometheusMetrics();
    metrics.questionHandled('answer', undefined, 0.01);
    const { base } = await start(undefined, metrics.registry);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(metrics.registry.contentType);
    const text = await response.text();
    expect(text).toContain('# TYPE kb_bot_questions_total counter');
    expect(text).toContain('kb_bot_questions_total{outcome="answer"} 1');
  });

  it('GIVEN HEAD /healthz THEN the status without a body', async () => {
    const { base } = await start();
    const response = await fetch(`${base}/healthz`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('GIVEN another path or method THEN 404 or 405 with Allow', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('GIVEN a collector that throws THEN 500 without its message, and the error is logged', async () => {
    const registry = new Registry();
    registry.metrics = () => Promise.reject(new Error('collector broke: secret detail'));
    const { base, logger } = await start(undefined, registry);
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('secret detail');
    expect(logger.records.map((record) => record.message)).toContain('ops endpoint failed');
  });

  it('GIVEN a port in use THEN start fails naming METRICS_PORT', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const server = createOpsServer({
        port,
        host: '127.0.0.1',
        metrics: createPrometheusMetrics(),
        health: () => ({ status: 'ok', store: 'ok', knowledge: { entries: 0 } }),
      });
      const failure = await server.start().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OpsServerError);
      expect((failure as OpsServerError).code).toBe('OPS_LISTEN');
      expect((failure as Error).message).toMatch(/EADDRINUSE.*METRICS_PORT/);
      await server.stop();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('GIVEN stop, twice, with a keep-alive connection open THEN both resolve and the port is closed', async () => {
    const { server, base } = await start();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await Promise.all([server.stop(), server.stop()]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
