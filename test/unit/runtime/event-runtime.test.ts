import { describe, expect, it } from 'vitest';
import { createEventRuntime, createWorkLimiter } from '../../../adapters/runtime/event-runtime.js';
import { createRecordingLogger } from '../../support/slack-fake/recording-logger.js';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createEventRuntime', () => {
  it('GIVEN it is not open THEN refuses work without running it', async () => {
    const runtime = createEventRuntime({ platform: 'test', logger: createRecordingLogger() });
    let ran = false;
    const taken = await runtime.run({
      event: 'message',
      context: {},
      work: async () => {
        ran = true;
      },
    });
    expect(taken).toBe(false);
    expect(ran).toBe(false);
  });

  it('GIVEN work that throws THEN logs it with the context, apologises and resolves', async () => {
    const logger = createRecordingLogger();
    const runtime = createEventRuntime({ platform: 'test', logger });
    runtime.open();
    const apologies: string[] = [];
    const taken = await runtime.run({
      event: 'message',
      context: { user: 'U1' },
      work: async () => {
        throw new Error('boom');
      },
      apologise: async () => {
        apologies.push('sorry');
      },
    });
    expect(taken).toBe(true);
    expect(apologies).toEqual(['sorry']);
    const line = logger.records.find((l) => l.message === 'test handler failed');
    expect(line?.context).toMatchObject({ event: 'message', user: 'U1' });
  });

  it('GIVEN the apology fails too THEN logs a warning and still resolves', async () => {
    const logger = createRecordingLogger();
    const runtime = createEventRuntime({ platform: 'test', logger });
    runtime.open();
    await runtime.run({
      event: 'button',
      context: {},
      work: async () => Promise.reject(new Error('boom')),
      apologise: async () => Promise.reject(new Error('gone')),
    });
    expect(logger.records.map((l) => l.message)).toContain('could not send the apology');
  });

  it('GIVEN work in flight WHEN draining THEN waits for it and refuses new work', async () => {
    const runtime = createEventRuntime({ platform: 'test', logger: createRecordingLogger() });
    runtime.open();
    const gate = deferred();
    let finished = false;
    const running = runtime.run({
      event: 'message',
      context: {},
      work: async () => {
        await gate.promise;
        finished = true;
      },
    });
    const drained = runtime.drain(10_000);
    expect(runtime.accepting).toBe(false);
    expect(await runtime.run({ event: 'late', context: {}, work: async () => {} })).toBe(false);
    gate.resolve();
    expect(await drained).toBe(0);
    expect(finished).toBe(true);
    await running;
  });

  it('GIVEN work that never ends WHEN draining THEN gives up after the bound and counts it', async () => {
    const logger = createRecordingLogger();
    const runtime = createEventRuntime({ platform: 'test', logger });
    runtime.open();
    void runtime.run({ event: 'stuck', context: {}, work: () => new Promise(() => {}) });
    expect(await runtime.drain(20)).toBe(1);
    expect(logger.records.map((l) => l.message)).toContain('test replies still running; abandoned');
  });
});

describe('createWorkLimiter', () => {
  it('runs at most N tasks at once, the rest in arrival order', async () => {
    const limit = createWorkLimiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const tasks = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[0]?.resolve();
    await tasks[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    gates[2]?.resolve();
    await Promise.all(tasks);
  });
});

describe('createEventRuntime platform hooks', () => {
  it('GIVEN an event while not accepting THEN refuses it politely, once', async () => {
    const runtime = createEventRuntime({ platform: 'test', logger: createRecordingLogger() });
    const refused: string[] = [];
    const taken = await runtime.run({
      event: 'ask',
      context: {},
      work: async () => {},
      refuse: async () => {
        refused.push('restarting');
      },
    });
    expect(taken).toBe(false);
    expect(refused).toEqual(['restarting']);
  });

  it('GIVEN a platform description of the failure THEN logs its line and fields', async () => {
    const logger = createRecordingLogger();
    const runtime = createEventRuntime({
      platform: 'test',
      logger,
      describeFailure: () => ({ fields: { missing: ['Send Messages'] }, message: 'grant it' }),
    });
    runtime.open();
    await runtime.run({
      event: 'message',
      context: {},
      work: () => Promise.reject(new Error('403')),
    });
    expect(logger.records.find((r) => r.message === 'grant it')?.context).toMatchObject({
      missing: ['Send Messages'],
    });
  });
});
