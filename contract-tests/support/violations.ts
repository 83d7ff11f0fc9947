// Setup file of the contract project: after every test, any request Prism flagged is a failure.
import { afterEach, expect } from 'vitest';
import { takeViolations } from './clients.js';

afterEach(() => {
  expect(takeViolations(), 'Prism reported contract violations (sl-violations) for requests of this test').toEqual([]);
});
