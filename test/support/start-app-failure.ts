import { type StartAppOptions, startApp } from '../../adapters/app.js';

/**
 * What `startApp` fails with, or undefined (after stopping the app) when it starts: for tests
 * that expect a configuration to be refused.
 */
export function startAppFailure(options: StartAppOptions): Promise<unknown> {
  return startApp(options).then(
    async (started) => {
      await started.stop();
      return undefined;
    },
    (error: unknown) => error,
  );
}
