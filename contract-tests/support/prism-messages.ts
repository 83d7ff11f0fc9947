// Readers of Prism's validation messages, for tests that send a deliberately bad request and must
// consume what Prism reported (so the suite-wide violation hook does not fail them).
import { takeViolations } from './clients.js';

/** The messages of the violations Prism reported since the last read, consuming them. */
export function violationMessages(): string[] {
  return takeViolations().flatMap((v) => v.violations.map((x) => x.message));
}

/**
 * On a route that documents no 400 or 422, Prism answers a bad request with its own 422 problem body
 * and no sl-violations header; these are the messages of that body.
 */
export function prismBodyMessages(body: unknown): string[] {
  return (body as { validation?: Array<{ message: string }> } | undefined)?.validation?.map((v) => v.message) ?? [];
}
