// What every transport adapter must do on the wire, checked against real HTTP on loopback: the attempt
// loop and the retry policy rely on each of these. An adapter's test file calls
// `describeAdapterConformance(name, makeAdapter)`. For tests only: nothing published imports this
// (dependency-cruiser checks it), so tsup's entries never pull in vitest or node:http.
import { randomBytes } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onAbort } from '../../internal/abort-fanout.js';
import { WireFailure, type TransportAdapter, type WireRequest, type WireResponse } from '../adapter.js';
import { Attempt } from '../attempt.js';
import { BOMB_ENCODINGS, closedPort, pumpZeros, sendBomb, startLoopbackServer, startResettingServer, type LoopbackServer, type Route } from './loopback-server.js';

const JSON_BODY = JSON.stringify({ id: 7, email: 'jane@example.com', note: 'é'.repeat(300) });
const LARGE = randomBytes(8 * 1024 * 1024);
const REDIRECTS = [301, 302, 303, 307, 308];
const ENCODINGS = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync } as const;
/** The cap the body-limit cases set; every other case runs with the client's default (32 MiB). */
const CAP = 1024 * 1024;
const DEFAULT_CAP = 32 * 1024 * 1024;

export function describeAdapterConformance(name: string, makeAdapter: () => TransportAdapter): void {
  describe(`${name}: adapter conformance`, () => {
    let server: LoopbackServer;
    let elsewhere: LoopbackServer;
    /** Paths whose answer the server saw the client abandon (the connection closed before the end). */
    const abandoned = new Map<string, Promise<void>>();

    const routes = (): Record<string, Route> => {
      const watch = (path: string, res: Parameters<Route>[1], cleanup: () => void) => {
        abandoned.set(path, new Promise((resolve) => res.on('close', () => {
          cleanup();
          if (!res.writableFinished) resolve();
        })));
      };
      const table: Record<string, Route> = {
        '/echo': (req, res, body) => res.writeHead(201, 'Created', { 'content-type': 'application/octet-stream', 'x-seen-method': req.method ?? '' }).end(body),
        '/hang': (_req, res) => watch('/hang', res, () => undefined),
        '/trickle': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' }).flushHeaders();
          const timer = setInterval(() => res.write(' '), 20);
          watch('/trickle', res, () => clearInterval(timer));
        },
        '/reset-after': (req) => req.socket.resetAndDestroy(),
        '/retry-after': (req, res) => res.writeHead(429, { 'retry-after': String(req.headers['x-retry-after']) }).end('{}'),
        '/no-content': (_req, res) => res.writeHead(204).end(),
        '/empty': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': '0' }).end(),
        '/head': (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1234' }).end(),
        '/cut/gzip': (req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).write(gzipSync(JSON_BODY).subarray(0, 40));
          setTimeout(() => req.socket.destroy(), 10);
        },
        '/cut': (req, res) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"id":7,');
          setTimeout(() => req.socket.destroy(), 10);
        },
        '/large': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(LARGE),
        '/exactly-cap': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(CAP) }).end(Buffer.alloc(CAP, 7)),
        '/cap-plus-one': (_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(CAP + 1, 7)),
        '/huge/declared': (_req, res) => {
          res.writeHead(500, { 'content-type': 'text/plain', 'content-length': String(64 * CAP) });
          watch('/huge/declared', res, () => undefined);
          pumpZeros(res, 64 * CAP);
        },
        '/huge/chunked': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          watch('/huge/chunked', res, () => undefined);
          pumpZeros(res, 64 * CAP);
        },
      };
      for (const status of REDIRECTS) {
        table[`/redirect/${status}`] = (_req, res) => res.writeHead(status, { location: elsewhere.url('/steal') }).end('moved');
      }
      for (const [encoding, compress] of Object.entries(ENCODINGS)) {
        table[`/encoded/${encoding}`] = (_req, res) => res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding }).end(compress(JSON_BODY));
      }
      for (const encoding of BOMB_ENCODINGS) {
        table[`/bomb/${encoding}`] = (_req, res) => watch(`/bomb/${encoding}`, res, sendBomb(res, 200, encoding));
      }
      return table;
    };

    beforeAll(async () => {
      elsewhere = await startLoopbackServer({ '/steal': (_req, res) => res.end('{}') });
      server = await startLoopbackServer(routes());
    });
    afterAll(async () => {
      await Promise.all([server?.close(), elsewhere?.close()]);
    });

    // As the attempt loop sends: an Attempt, whose `onStop` and `signal` stop together (an adapter may
    // use either), stopped with the reason when `signal` fires.
    const send = (path: string, init: Partial<WireRequest> = {}): Promise<WireResponse> => {
      const { signal, ...wire } = { method: 'GET', url: server.url(path), headers: {}, body: undefined, signal: new AbortController().signal, maxResponseBytes: DEFAULT_CAP, ...init };
      const attempt = new Attempt(wire);
      onAbort(signal, () => attempt.stop(signal.reason));
      return makeAdapter().send(attempt);
    };
    const failureOf = (attempt: Promise<WireResponse>): Promise<unknown> => attempt.then(
      (response) => { throw new Error(`resolved with status ${response.status} and ${response.body.byteLength} bytes instead of failing`); },
      (error: unknown) => error,
    );
    const text = (response: WireResponse) => new TextDecoder().decode(response.body);

    it('sends method, headers and a text body; resolves with status, headers and the body', async () => {
      const response = await send('/echo', { method: 'POST', headers: { 'x-api-key': 'key_1', 'content-type': 'application/json' }, body: JSON_BODY });
      expect([response.status, response.statusText, response.headers['x-seen-method']]).toEqual([201, 'Created', 'POST']);
      expect(text(response)).toBe(JSON_BODY);
      expect(server.received.at(-1)).toMatchObject({ method: 'POST', path: '/echo', headers: { 'x-api-key': 'key_1', 'content-type': 'application/json' } });
      expect(server.received.at(-1)?.body.toString('utf8')).toBe(JSON_BODY);
    });

    it('names itself and says which encodings it decodes when the request does not, and sends the ones it was given', async () => {
      await send('/echo');
      expect(server.received.at(-1)?.headers).toMatchObject({ 'user-agent': expect.stringMatching(/\S/), 'accept-encoding': expect.stringMatching(/gzip/) });
      await send('/echo', { headers: { 'user-agent': 'firstpromoter/9.9.9', 'accept-encoding': 'identity' } });
      expect(server.received.at(-1)?.headers).toMatchObject({ 'user-agent': 'firstpromoter/9.9.9', 'accept-encoding': 'identity' });
    });

    it('sends a body of bytes unchanged', async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const response = await send('/echo', { method: 'PUT', body: bytes });
      expect(new Uint8Array(response.body)).toEqual(bytes);
      expect(new Uint8Array(server.received.at(-1)?.body ?? [])).toEqual(bytes);
    });

    it.each([
      ['waiting for headers (a timeout)', '/hang', Symbol('timeout')],
      ['waiting for headers (the caller)', '/hang', new Error('caller gave up')],
      ['while the body trickles (a timeout)', '/trickle', Symbol('timeout')],
      ['while the body trickles (the caller)', '/trickle', new Error('caller gave up')],
    ])('stops when the signal fires %s: rejects as aborted and drops the connection', async (_when, path, reason) => {
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(reason), 100);
      const error = await failureOf(send(path, { signal: controller.signal }));
      expect(error).toBeInstanceOf(WireFailure);
      expect(error).toMatchObject({ kind: 'aborted' });
      expect(performance.now() - started).toBeLessThan(2_000);
      await expect(abandoned.get(path)).resolves.toBeUndefined();
    });

    it('rejects as aborted without sending anything when the signal fired before the call', async () => {
      const error = await failureOf(send('/echo?never', { method: 'POST', body: '{}', signal: AbortSignal.abort(new Error('early')) }));
      expect(error).toMatchObject({ kind: 'aborted' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.hits('/echo?never')).toBe(0);
    });

    it.each(REDIRECTS)('hands back a %i as it is: not followed, the other host never contacted', async (status) => {
      const response = await send(`/redirect/${status}`, { method: 'POST', headers: { 'x-api-key': 'key_must_stay_home' }, body: '{}' });
      expect(response.status).toBe(status);
      expect(response.headers['location']).toBe(elsewhere.url('/steal'));
      expect(response.body.byteLength).toBe(0);
      expect(elsewhere.hits('/steal')).toBe(0);
    });

    it('reports a reset before the server read anything as a connection failure with a code', async () => {
      const resetting = await startResettingServer();
      try {
        const error = await failureOf(makeAdapter().send({ method: 'POST', url: resetting.url('/track/sale'), headers: {}, body: '{}', signal: new AbortController().signal, maxResponseBytes: DEFAULT_CAP }));
        expect(error).toBeInstanceOf(WireFailure);
        expect(error).toMatchObject({ kind: 'connection', code: expect.stringMatching(/^[A-Z_]+$/) });
        expect(resetting.connections()).toBeGreaterThanOrEqual(1);
      } finally {
        await resetting.close();
      }
    });

    it('reports a reset after the server read the request and acted as a connection failure with a code', async () => {
      const error = await failureOf(send('/reset-after', { method: 'POST', body: '{"event_id":"in_1"}' }));
      expect(error).toBeInstanceOf(WireFailure);
      expect(error).toMatchObject({ kind: 'connection', code: expect.stringMatching(/^[A-Z_]+$/) });
      expect(server.received.at(-1)).toMatchObject({ path: '/reset-after', body: Buffer.from('{"event_id":"in_1"}') });
    });

    it('reports a refused connection with the never-connected code ECONNREFUSED', async () => {
      const url = `http://127.0.0.1:${await closedPort()}/track/sale`;
      const error = await failureOf(makeAdapter().send({ method: 'POST', url, headers: {}, body: '{}', signal: new AbortController().signal, maxResponseBytes: DEFAULT_CAP }));
      expect(error).toMatchObject({ kind: 'connection', code: 'ECONNREFUSED' });
    });

    it.each(['7', 'Wed, 21 Oct 2026 07:28:00 GMT'])('passes Retry-After %j through', async (value) => {
      const response = await send('/retry-after', { headers: { 'x-retry-after': value } });
      expect([response.status, response.headers['retry-after']]).toEqual([429, value]);
    });

    it.each([['a 204', '/no-content', 204], ['a 200 with Content-Length 0', '/empty', 200]])('resolves %s with an empty body', async (_what, path, status) => {
      const response = await send(path);
      expect([response.status, response.body.byteLength]).toEqual([status, 0]);
    });

    it('answers HEAD with the headers sent and no body', async () => {
      const response = await send('/head', { method: 'HEAD' });
      expect([response.status, response.headers['content-length'], response.body.byteLength]).toEqual([200, '1234', 0]);
    });

    it.each(['/cut', '/cut/gzip'])('rejects a body cut short (%s) as a connection failure, not a short success', async (path) => {
      const error = await failureOf(send(path));
      expect(error).toBeInstanceOf(WireFailure);
      expect(error).toMatchObject({ kind: 'connection' });
    });

    it.each(Object.keys(ENCODINGS))('decodes a %s body', async (encoding) => {
      expect(text(await send(`/encoded/${encoding}`))).toBe(JSON_BODY);
    });

    it('reads a large body whole', async () => {
      const response = await send('/large');
      expect(response.body.byteLength).toBe(LARGE.byteLength);
      expect(Buffer.from(response.body).equals(LARGE)).toBe(true);
    });

    it('reads a body of exactly maxResponseBytes, and refuses one byte more as too-large with the status', async () => {
      expect((await send('/exactly-cap', { maxResponseBytes: CAP })).body.byteLength).toBe(CAP);
      const error = await failureOf(send('/cap-plus-one', { maxResponseBytes: CAP }));
      expect(error).toBeInstanceOf(WireFailure);
      expect(error).toMatchObject({ kind: 'too-large', status: 200 });
    });

    it.each([
      ['announced by Content-Length', '/huge/declared', 500],
      ['sent chunked, size unknown', '/huge/chunked', 200],
    ])('stops reading a body over maxResponseBytes (%s) and drops the connection before the server is done', async (_how, path, status) => {
      const error = await failureOf(send(path, { maxResponseBytes: CAP }));
      expect(error).toMatchObject({ kind: 'too-large', status });
      await expect(abandoned.get(path)).resolves.toBeUndefined();
    });

    it.each(BOMB_ENCODINGS)('stops inflating an endless %s bomb at maxResponseBytes instead of buffering it', async (encoding) => {
      // An adapter that decompressed first and counted after would never finish: there is no end.
      const error = await failureOf(send(`/bomb/${encoding}`, { maxResponseBytes: CAP }));
      expect(error).toMatchObject({ kind: 'too-large', status: 200 });
      await expect(abandoned.get(`/bomb/${encoding}`)).resolves.toBeUndefined();
    });
  });
}
