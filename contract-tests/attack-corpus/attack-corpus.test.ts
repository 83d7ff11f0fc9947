// The attack corpus: hostile input and hostile servers, case by case (see kit.ts for the shapes and
// the class files for the cases). Prints `attack-corpus: cases=<n> failed=<n>` once per run.
import { expect, it } from 'vitest';
import { caseCount, runCorpus } from './kit.js';
import './paths.js';
import './encoder.js';
import './headers.js';
import './money.js';
import './environment.js';
import './responses.js';
import './foreign-errors.js';
import './logger.js';
import './signals.js';
import './packaged.js';
import './affiliate.js';

it('holds at least 300 hostile cases', () => {
  expect(caseCount()).toBeGreaterThanOrEqual(300);
});

runCorpus();
