import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end suites open real sockets; separate processes keep one suite's servers from another's.
    pool: 'forks',
  },
});
