import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One real server on two cores: files run one at a time so timings stay sane.
          fileParallelism: false,
        },
      },
      {
        // The same scenario in real runtimes (Chromium, workerd, Deno, Bun, Node's ESM and CJS)
        // against the real server, and the checks of the packed package. They load dist/, which
        // scripts/test.sh builds before vitest runs.
        test: {
          name: 'runtimes',
          include: ['test/runtimes/**/*.test.ts', 'test/packaging/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
