// The error hierarchy: one class per common status, messages that say what happened and what to do,
// bodies kept as parsed (JSON or text) with promoter secrets redacted everywhere an error can be printed.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import {
  AbortError, APIError, AuthenticationError, BadRequestError, ConflictError, ConnectionError, FirstPromoterError,
  InternalServerError, NotFoundError, PermissionDeniedError, RateLimitError, TimeoutError, UnprocessableEntityError,
  ValidationError,
} from './errors.js';
import { MoneyError } from './money.js';

const init = (status: number, body: unknown = { message: 'Nope.' }) => ({
  status,
  method: 'POST',
  path: '/company/promoters',
  headers: new Headers({ 'Content-Type': 'application/json', 'Set-Cookie': 'session=abc', 'X-Request-Id': 'r-1' }),
  body,
  attempts: 2,
});

describe('APIError.from', () => {
  it.each([
    [400, BadRequestError, /check the parameters/],
    [401, AuthenticationError, /Check the API key/],
    [403, PermissionDeniedError, /lacks the rights/],
    [404, NotFoundError, /check the id/],
    [409, ConflictError, /already exists/],
    [422, UnprocessableEntityError, /missing or unusable/],
    [429, RateLimitError, /400 requests per minute/],
    [500, InternalServerError, /retry later/],
    [502, InternalServerError, /retry later/],
    [503, InternalServerError, /retry later/],
  ])('maps %i to its own class with advice', (status, ErrorClass, advice) => {
    const error = APIError.from(init(status));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(FirstPromoterError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.message).toMatch(new RegExp(`^FirstPromoter answered ${status} to POST /company/promoters: Nope\\. `));
    expect(error.message).toMatch(advice);
    expect(error).toMatchObject({ status, method: 'POST', path: '/company/promoters', attempts: 2 });
  });

  it('keeps other statuses as APIError, still with something to do', () => {
    for (const status of [200, 405, 408, 410]) {
      const error = APIError.from(init(status));
      expect(error.constructor).toBe(APIError);
      expect(error.message).toMatch(/\. \S.*\.$/);
    }
  });

  it('keeps response headers lower-cased, without cookies', () => {
    expect(APIError.from(init(400)).headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'r-1' });
  });

  it('describes JSON, text and empty bodies', () => {
    expect(APIError.from(init(422, { error: 'Bad email' })).message).toContain(': Bad email.');
    expect(APIError.from(init(422, { errors: { email: ['taken'] } })).message).toContain(': {"errors":{"email":["taken"]}}.');
    const html = `<html><body>${'x'.repeat(500)}</body></html>`;
    const fromHtml = APIError.from(init(502, html));
    expect(fromHtml.body).toBe(html);
    expect(fromHtml.message).toContain(': <html><body>xxx');
    expect(fromHtml.message.length).toBeLessThan(400);
    expect(APIError.from(init(401, null)).message).toMatch(/^FirstPromoter answered 401 to POST \/company\/promoters\. Check/);
  });

  it('redacts promoter secrets in the body, the message, JSON and inspect output', () => {
    const token = 'tok_6c1e0f9a2b7d';
    const setup = 'https://app.firstpromoter.com/set-password?token=pst_91aa';
    const bodies = [
      { message: 'Invalid', promoter: { email: 'p@example.com', auth_token: token, password_setup_url: setup } },
      [{ auth_token: token }],
      `<html>auth_token=${token}&x=1 password_setup_url: ${setup}</html>`,
      `{"data":{"auth_token":"${token}","password_setup_url":"${setup}"`,
    ];
    for (const body of bodies) {
      const error = APIError.from(init(422, body));
      for (const text of [error.message, error.stack ?? '', JSON.stringify(error), inspect(error, { depth: Infinity }), JSON.stringify(error.body)]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain('pst_91aa');
      }
    }
    expect(APIError.from(init(422, bodies[0])).body).toEqual({
      message: 'Invalid',
      promoter: { email: 'p@example.com', auth_token: '[redacted]', password_setup_url: '[redacted]' },
    });
  });
});

describe('errors that are not answers', () => {
  it('types connection, timeout and abort failures', () => {
    const cause = new TypeError('fetch failed');
    const connection = new ConnectionError('POST', '/track/sale', 3, 'failed', { cause });
    const timeout = new TimeoutError('POST', '/track/sale', 1, 'slow');
    expect(connection).toMatchObject({ name: 'ConnectionError', method: 'POST', path: '/track/sale', attempts: 3, cause });
    expect(timeout).toBeInstanceOf(ConnectionError);
    expect(timeout.name).toBe('TimeoutError');
    expect(new AbortError('stopped')).toBeInstanceOf(FirstPromoterError);
    expect(new AbortError('stopped')).not.toBeInstanceOf(ConnectionError);
  });

  it('names the field of a ValidationError, and MoneyError is one', () => {
    const error = new ValidationError('amount', 'track.sale needs `amount`.');
    expect(error).toMatchObject({ name: 'ValidationError', field: 'amount', message: 'track.sale needs `amount`.' });
    expect(new MoneyError('negative_amount', 'negative', 'mrr')).toBeInstanceOf(ValidationError);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ValidationError', field: 'amount', message: 'track.sale needs `amount`.' });
  });
});

describe('what callers read off an APIError', () => {
  it('types FirstPromoter\'s code and field errors, and names the request id', () => {
    const error = APIError.from(init(400, { message: 'Invalid', code: 'invalid_params', errors: { email: ['has already been taken'] } }));
    const code: string | undefined = error.code;
    const emailErrors: readonly string[] | undefined = error.fieldErrors.email;
    expect([code, emailErrors, error.requestId]).toEqual(['invalid_params', ['has already been taken'], 'r-1']);
    expect(error.message).toMatch(/Request id: r-1\.$/);
    expect(typeof error.body === 'object' && error.body.message).toBe('Invalid');
  });

  it('moves named fields of an unexpected type aside, so the typed ones can be trusted', () => {
    const error = APIError.from(init(422, { message: ['not', 'text'], errors: 'email taken', code: 'x' }));
    expect(error.body).toEqual({ code: 'x', unexpected: { message: ['not', 'text'], errors: 'email taken' } });
    expect(error.fieldErrors).toEqual({});
  });

  it('keeps non-object JSON as its text, and no body as undefined', () => {
    expect(APIError.from(init(500, [1, 2])).body).toBe('[1,2]');
    expect(APIError.from(init(401, 'Bad credentials')).body).toBe('Bad credentials');
    expect(APIError.from(init(500, null)).body).toBeUndefined();
    expect(APIError.from({ ...init(500), headers: {} }).requestId).toBeUndefined();
  });

  it('includes name and message in JSON.stringify, with the error\'s fields and no stack', () => {
    const json = JSON.parse(JSON.stringify(APIError.from(init(404))));
    expect(json).toMatchObject({ name: 'NotFoundError', message: expect.stringMatching(/^FirstPromoter answered 404/), status: 404, requestId: 'r-1' });
    expect(json).not.toHaveProperty('stack');
    expect(JSON.parse(JSON.stringify(new ValidationError('amount', 'Bad amount.')))).toEqual({ name: 'ValidationError', message: 'Bad amount.', field: 'amount' });
  });
});

describe('instanceof across copies of the package (ESM and CommonJS builds loaded together)', () => {
  it('recognises errors of another copy of the module by their brand, and only the right classes', async () => {
    // A second evaluation of the module: its classes are new objects, as those of the other build are.
    vi.resetModules();
    const copy = 'copy';
    const other = (await import(/* @vite-ignore */ `./errors.js?${copy}`)) as typeof import('./errors.js');
    expect(other.NotFoundError).not.toBe(NotFoundError);
    const foreign = other.APIError.from(init(404));
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(APIError);
    expect(foreign).toBeInstanceOf(FirstPromoterError);
    expect(foreign).not.toBeInstanceOf(ValidationError);
    expect(foreign).not.toBeInstanceOf(RateLimitError);
    expect(new ValidationError('x', 'y')).toBeInstanceOf(other.ValidationError);
    expect({ status: 404 }).not.toBeInstanceOf(NotFoundError);
  });

  it('leaves subclasses written by users ordinary classes', () => {
    class MyError extends NotFoundError {
      override name = 'MyError';
    }
    const mine = new MyError(init(404));
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(NotFoundError);
    expect(APIError.from(init(404))).not.toBeInstanceOf(MyError);
    expect([mine.name, mine.status, typeof mine.stack]).toEqual(['MyError', 404, 'string']);
  });
});

describe('the client entries', () => {
  it('each export every error class a call of theirs can throw, as the one class', async () => {
    const errors = await import('./errors.js');
    const classes = Object.entries(errors).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error);
    const entries = { index: await import('../index.js'), v1: await import('../v1.js'), affiliate: await import('../affiliate.js'), track: await import('../track.js') };
    const missing = Object.entries(entries).flatMap(([entry, exports]) =>
      classes.filter(([name, value]) => (exports as Record<string, unknown>)[name] !== value).map(([name]) => `${entry}: ${name}`));
    expect(missing).toEqual([]);
  });
});
