// Canary collector: the fault, bad-input, secret and attack-corpus suites hand it every error, log event
// and inspected object they produce, in every printed form (message, stack, JSON.stringify,
// util.inspect with hidden properties, getters and infinite depth, each link of the cause chain, and
// the record a log service's error serializer would ship), and `hits()` lists any canary API key,
// Account-ID or promoter secret found in them.
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
        for (const [depth, link] of causeChain(value).entries()) {
          const at = depth === 0 ? label : `${label} cause ${depth}`;
          if (link instanceof Error) {
            yield { label: `${at} message`, text: link.message };
            yield { label: `${at} stack`, text: link.stack ?? '' };
          }
          yield { label: `${at} String()`, text: safeString(link) };
        }
        yield { label: `${label} log service`, text: safeJson(serializeForLogs(value)) };
      }
      yield { label: `${label} JSON`, text: safeJson(value) };
      yield { label: `${label} inspect`, text: inspect(value, { depth: Infinity }) };
      yield { label: `${label} inspect hidden`, text: inspect(value, { depth: Infinity, showHidden: true, getters: true }) };
    }
  }

  /** Forgets everything collected (a suite that scans case by case reuses one collector). */
  clear(): void {
    this.items.length = 0;
  }

  /** Every secret found, in any letter case (header names, for one, arrive lower-cased). */
  hits(secrets: readonly string[] = SECRET_VALUES): LeakHit[] {
    const found: LeakHit[] = [];
    const lowered = secrets.map((secret) => secret.toLowerCase());
    for (const { label, text } of this.texts()) {
      const folded = text.toLowerCase();
      secrets.forEach((secret, i) => {
        if (folded.includes(lowered[i] as string)) found.push({ label, secret });
      });
    }
    return found;
  }
}

/** `error`, its `cause`, the cause's cause... and an AggregateError's `errors`, each once. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  const visit = (link: unknown): void => {
    if (link === undefined || chain.includes(link) || chain.length > 50) return;
    chain.push(link);
    if (link !== null && typeof link === 'object') {
      visit((link as { cause?: unknown }).cause);
      const { errors } = link as { errors?: unknown };
      if (Array.isArray(errors)) errors.forEach(visit);
    }
  };
  visit(error);
  return chain;
}

/** What pino's and winston's error serializers ship: type, message, stack, own enumerable fields, causes. */
function serializeForLogs(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 10) return error;
  const record: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) record[key] = value;
  if (error.cause !== undefined) record.cause = serializeForLogs(error.cause, depth + 1);
  return record;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return ''; // Circular values have no JSON form to leak through.
  }
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}
