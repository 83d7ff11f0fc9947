// The tracking sender over a scripted adapter: what it sends (URL, headers, encoded body, per-call
// settings), how it reads answers as openapi-fetch did, and, over real HTTP in a fresh Node process,
// that a tracking call loads no fetch implementation.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { API, OUTCOMES } from '../../generated/v2.operations.js';
import { APIError, InternalServerError, ValidationError } from '../core/errors.js';
import { scripted } from '../transport/scripted-adapter.js';
import { connect } from './connection.js';
import { createTrackingSender, FORM_BODY, JSON_BODY, type BodyEncoding } from './tracking.js';
import type { FirstPromoterOptions } from './v2/options.js';

const RULES = OUTCOMES['POST /track/sale'];

function sender(steps: Parameters<typeof scripted>, encoding: BodyEncoding = JSON_BODY) {
  const { adapter, calls } = scripted(...steps);
  const options: FirstPromoterOptions = { apiKey: 'sk_tracking_test', accountId: 'acct_tracking_test', baseUrl: 'https://fp.example.test/api/v2', maxRetries: 1, backoff: { baseDelayMs: 1, maxDelayMs: 1 } };
  const connection = { ...connect(API, options), adapter };
  return { send: createTrackingSender(connection, encoding), calls };
}

describe('tracking sender', () => {
  it('posts the encoded body to the path under the base URL, with the client headers in lower case', async () => {
    const { send, calls } = sender([{ status: 200, body: '{"id":1}' }]);
    expect(await send('/track/sale', { email: 'a@example.com', amount: 100 }, RULES, undefined)).toEqual({ outcome: 'tracked', status: 200, attempts: 1, data: { id: 1 } });
    expect(calls[0]).toMatchObject({
      method: 'POST', url: 'https://fp.example.test/api/v2/track/sale', body: '{"email":"a@example.com","amount":100}',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer sk_tracking_test', 'account-id': 'acct_tracking_test', 'user-agent': expect.stringMatching(/^firstpromoter\/\S+ \(node:http\)$/) },
    });
    const form = sender([{ status: 200, body: '{"id":2}' }], FORM_BODY);
    await form.send('/track/sale', { uid: 'u1', amount: '550' }, RULES, undefined);
    expect(form.calls[0]).toMatchObject({ body: 'uid=u1&amount=550', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  });

  it('retries as a tracking call (idempotent unless the call says otherwise) and checks per-call settings first', async () => {
    const { send, calls } = sender([503, { status: 200, body: '{"id":1}' }]);
    expect(await send('/track/sale', {}, RULES, undefined)).toMatchObject({ outcome: 'tracked', attempts: 2 });
    expect(calls).toHaveLength(2);
    const once = sender([503]);
    await expect(once.send('/track/sale', {}, RULES, { idempotent: false })).rejects.toBeInstanceOf(InternalServerError);
    expect(once.calls).toHaveLength(1);
    await expect(once.send('/track/sale', {}, RULES, { timeoutMs: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(once.send('/track/sale', { amount: Number.NaN }, RULES, undefined)).rejects.toMatchObject({ name: 'ValidationError', field: 'amount' });
    expect(once.calls).toHaveLength(1);
  });

  it('reads answers as openapi-fetch does: an outcome by the rules, error text kept, a 2xx that is not JSON an APIError', async () => {
    const { send } = sender([{ status: 409, body: '{"message":"The event already exists."}' }]);
    expect(await send('/track/sale', {}, RULES, undefined)).toMatchObject({ outcome: 'duplicate', status: 409, message: 'The event already exists.' });
    const page = sender([{ status: 502, body: '<html>Bad gateway</html>', headers: { 'x-request-id': 'req_1' } }]);
    await expect(page.send('/track/sale', {}, RULES, { maxRetries: 0 })).rejects.toMatchObject({ name: 'InternalServerError', body: '<html>Bad gateway</html>', requestId: 'req_1', path: '/track/sale' });
    const proxy = sender([{ status: 200, body: '<html>Welcome</html>' }]);
    const error = await proxy.send('/track/sale', {}, RULES, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 200, body: '<html>Welcome</html>', message: expect.stringMatching(/not the JSON FirstPromoter sends/) });
    const empty = sender([{ status: 200, body: '' }]);
    await expect(empty.send('/track/sale', {}, RULES, undefined)).rejects.toMatchObject({ status: 200, message: expect.stringMatching(/no usable body/) });
    const refund = sender([{ status: 204 }]);
    expect(await refund.send('/track/refund', {}, OUTCOMES['POST /track/refund'], undefined)).toMatchObject({ outcome: 'not_referral', status: 204 });
  });

  it("makes a tracking call on Node without loading Node's fetch implementation, answered or failed", () => {
    const loaded = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      import { createServer } from 'node:http';
      import { createTracking } from './src/track.ts';
      const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(req.url.includes('fail') ? 500 : 200, { 'content-type': 'application/json' }).end('{"id":1}')));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = 'http://127.0.0.1:' + server.address().port;
      const options = { apiKey: 'k', accountId: 'a', maxRetries: 0 };
      await createTracking({ ...options, baseUrl: base + '/ok' }).track.sale({ email: 'a@example.com', event_id: 'in_1', amount: { amount: '19.99', currency: 'USD' } });
      await createTracking({ ...options, baseUrl: base + '/fail' }).track.sale({ email: 'a@example.com', event_id: 'in_1', amount: 1999 }).catch(() => undefined);
      server.close();
      console.log(process.moduleLoadList.some((name) => name.includes('undici')));`], { encoding: 'utf8' }).trim();
    expect(loaded).toBe('false');
  });
});
