import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      // Type tests: `*.test-d.ts` files are type-checked by tsc (never run); each `it` is one type test.
      { test: { name: 'types', include: [], typecheck: { enabled: true, only: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' } } },
      // The `firstpromoter` executable, built once by the global setup and run in child processes.
      { test: { name: 'cli', include: ['cli-tests/**/*.test.ts'], globalSetup: ['cli-tests/setup/build-cli.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'contract',
          include: ['contract-tests/**/*.test.ts'],
          globalSetup: ['contract-tests/setup/prism.ts'],
          setupFiles: ['contract-tests/support/violations.ts'],
        },
      },
    ],
  },
});
