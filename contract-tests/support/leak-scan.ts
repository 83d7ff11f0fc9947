// Canary collector: the fault, bad-input and secret suites hand it every error, log event and inspected
// object they produce, in every printed form (message, stack, JSON.stringify, util.inspect), and
// `hits()` lists any canary API key, Account-ID or promoter secret found in them.
import { inspect } from 'node:util';
import type { LogEvent } from '../../src/index.js';
import { CANARY_VALUES } from './canary.js';

/** Promoter secrets the local servers put into bodies; they must never come back out in an error or log. */
export const PROMOTER_CANARY = {
  authToken: 'ptok_canary_5d2e8a41c7f3',
  passwordSetupUrl: 'https://app.firstpromoter.test/set-password?token=pset_canary_93b1f0e2',
} as const;

/** Every value the scan looks for; the setup URL's token alone, so a cut or re-encoded URL still counts. */
export const SECRET_VALUES: readonly string[] = [...CANARY_VALUES, PROMOTER_CANARY.authToken, 'pset_canary_93b1f0e2'];

export interface LeakHit {
  label: string;
  secret: string;
}

/**
 * Keeps what it is given and renders it only when scanned, so collecting costs the hot path nothing
 * (rendering thousands of errors mid-run would slow the fault suite into timeouts of its own).
 */
export class LeakCollector {
  private readonly items: Array<{ label: string; kind: 'error' | 'object' | 'text'; value: unknown }> = [];

  /** Number of items collected, so a suite can show its scan was not vacuous. */
  get size(): number {
    return this.items.length;
  }

  /** An error, to be rendered in every form a caller might print or ship to a log service. */
  error(label: string, error: unknown): void {
    this.items.push({ label, kind: 'error', value: error });
  }

  /** Any object (a client, a request, a log event): JSON and util.inspect, hidden properties included. */
  object(label: string, value: unknown): void {
    this.items.push({ label, kind: 'object', value });
  }

  /** Pass as a client's `logger`. */
  readonly logger = (event: LogEvent): void => {
    this.items.push({ label: 'logger event', kind: 'object', value: event });
  };

  text(label: string, text: string): void {
    this.items.push({ label, kind: 'text', value: text });
  }

  /** Every collected item rendered as text: message, stack, String(), JSON, inspect (plain and hidden). */
  *texts(): Generator<{ label: string; text: string }> {
    for (const { label, kind, value } of this.items) {
      if (kind === 'text') {
        yield { label, text: String(value) };
        continue;
      }
      if (kind === 'error') {
        if (value instanceof Error) {
          yield { label: `${label} message`, text: value.message };
          yield { label: `${label} stack`, text: value.stack ?? '' };
        }
        yield { label: `${label} String()`, text: String(value) };
      }
      try {
        yield { label: `${label} JSON`, text: JSON.stringify(value) ?? '' };
      } catch {
        // Circular values have no JSON form to leak through.
      }
      yield { label: `${label} inspect`, text: inspect(value, { depth: Infinity }) };
      yield { label: `${label} inspect hidden`, text: inspect(value, { depth: Infinity, showHidden: true }) };
    }
  }

  hits(secrets: readonly string[] = SECRET_VALUES): LeakHit[] {
    const found: LeakHit[] = [];
    for (const { label, text } of this.texts()) {
      for (const secret of secrets) if (text.includes(secret)) found.push({ label, secret });
    }
    return found;
  }
}
