// The docs check alone (`npm run docs:check`), apart from `npm test`: one file, one browser, run after
// the site is built. It ends with the same `N passed, N failed` line as the other suites.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/docs/site.check.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    hookTimeout: 60_000,
  },
});
