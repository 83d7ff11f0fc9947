// v2 batch processes (the bulk-action jobs) through the typed client against Prism's mock of openapi/v2.
import { describe, expect, it } from 'vitest';
import { UnprocessableEntityError, unwrap } from '../../../src/index.js';
import { v2Client } from '../../support/clients.js';
import {
  type Call, type ErrorStatus, expectTypedError, prismBodyMessages, statusRows, violationMessages,
} from '../../support/status-matrix.js';

const STATUSES = ['pending', 'in_progress', 'completed', 'failed', 'stopped'];

const calls = {
  'GET /company/batch_processes': (c) => c.api.GET('/company/batch_processes', {
    params: { query: { filters: { status: ['pending', 'in_progress'] }, page: 2, per_page: 50 } },
  }),
  'GET /company/batch_processes/progress': (c) => c.api.GET('/company/batch_processes/progress', {
    params: { query: { filters: { status: 'in_progress' } } },
  }),
  'GET /company/batch_processes/{id}': (c) => c.api.GET('/company/batch_processes/{id}', { params: { path: { id: 42 } } }),
} satisfies Record<string, Call>;

const documented = {
  'GET /company/batch_processes': [401, 403, 429],
  'GET /company/batch_processes/progress': [401, 403, 429],
  'GET /company/batch_processes/{id}': [401, 403, 404, 429],
} satisfies Record<keyof typeof calls, ErrorStatus[]>;

describe('v2 batch processes', () => {
  it('lists the jobs filtered by several statuses, a page at a time', async () => {
    const batches = await unwrap(calls['GET /company/batch_processes'](v2Client()));
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) {
      expect(batch.id).toBeTypeOf('number');
      expect(STATUSES).toContain(batch.status);
      expect(batch.progress).toBeGreaterThanOrEqual(0);
      expect(batch.progress).toBeLessThanOrEqual(100);
      expect(Array.isArray(batch.processing_errors)).toBe(true);
    }
  });

  it('reports the percent done per batch id for one status', async () => {
    const progress = await unwrap(calls['GET /company/batch_processes/progress'](v2Client()));
    const entries = Object.entries(progress);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, percent] of entries) {
      expect(id).toMatch(/^\d+$/);
      expect(percent).toBeTypeOf('number');
      expect(percent).toBeLessThanOrEqual(100);
    }
  });

  it('gets one job with its counters and the reasons records failed', async () => {
    const batch = await unwrap(calls['GET /company/batch_processes/{id}'](v2Client()));
    expect(batch.status).toBe('completed');
    expect(batch.processed_count! + batch.failed_count!).toBe(batch.total);
    expect(batch.processing_errors?.every((message) => typeof message === 'string')).toBe(true);
    expect(batch.meta).toBeNull();
  });

  it.each(statusRows(documented))('%s answers %i with its typed error', (route, status) =>
    expectTypedError('v2', route, status, calls[route]));
});

describe('v2 batch processes: contract checks can fail', () => {
  // No 400 or 422 is documented on these routes: Prism's messages come in its own 422 body.
  it('Prism rejects an unknown status inside a Rails array filter', async () => {
    const { response, error } = await v2Client().api.GET('/company/batch_processes', {
      params: { query: { filters: { status: ['pending', 'done' as never] } } },
    });
    expect(response.status).toBe(422);
    expect(prismBodyMessages(error)).toContain(
      'Request query parameter filters.status.1 must be equal to one of the allowed values: pending, in_progress, completed, failed, stopped');
    expect(violationMessages()).toEqual(prismBodyMessages(error));
  });

  it('Prism rejects a non-numeric batch id, and unwrap turns that into an UnprocessableEntityError', async () => {
    const error = await unwrap(v2Client().api.GET('/company/batch_processes/{id}', { params: { path: { id: 'latest' as never } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(prismBodyMessages((error as UnprocessableEntityError).body)).toEqual(['Request path parameter id must be integer']);
    expect(violationMessages()).toEqual(['Request path parameter id must be integer']);
  });
});
