// Vitest reporter that ends the run with one plain line, `N passed, N failed`, counting every test of
// every file (a file that fails outside its tests, in loading or in a hook such as the contract
// suite's coverage check, counts as one failure). CI records the run's count from it.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedTests++;
      }
      failed += failedTests;
      if (failedTests === 0 && module.state() === 'failed') failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
