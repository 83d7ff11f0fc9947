// The fetch adapter: the conformance suite over real HTTP with Node's own fetch, then what only this
// adapter does (which fetch it calls, what it passes on, how it reads fetch's errors), and the import
// cost it must not add.
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { WireFailure, type WireRequest } from '../adapter.js';
import { describeAdapterConformance } from './conformance.js';
import { createFetchAdapter } from './fetch.js';

describeAdapterConformance('fetch adapter (global fetch)', () => createFetchAdapter());

function wire(init: Partial<WireRequest> = {}): WireRequest {
  return { method: 'POST', url: 'https://api.example.test/track/sale', headers: { 'x-api-key': 'k' }, body: '{}', signal: new AbortController().signal, maxResponseBytes: 1024, ...init };
}

describe('fetch adapter', () => {
  it('calls the fetch it is given with redirect manual and the signal, passing the caller\'s other init fields on', async () => {
    const seen: Array<[string, RequestInit]> = [];
    const given = async (url: string | URL | Request, init?: RequestInit) => {
      seen.push([String(url), init ?? {}]);
      return new Response('{"ok":true}', { status: 200, headers: { 'x-answer': 'yes' } });
    };
    const request = wire({ init: { cache: 'no-store', redirect: 'follow', method: 'GET' } });
    const response = await createFetchAdapter(given as typeof fetch).send(request);
    expect([response.status, response.headers['x-answer'], new TextDecoder().decode(response.body)]).toEqual([200, 'yes', '{"ok":true}']);
    const [url, init] = seen[0] ?? ['', {}];
    expect(url).toBe(request.url);
    expect(init).toMatchObject({ cache: 'no-store', method: 'POST', body: '{}', redirect: 'manual' });
    expect(init.headers).toBe(request.headers);
    expect(init.signal).toBe(request.signal);
  });

  it('reads the global fetch at call time, so a double installed later applies', async () => {
    const adapter = createFetchAdapter();
    const double = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', double);
    try {
      expect((await adapter.send(wire())).status).toBe(204);
      expect(double).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports a browser\'s opaque redirect as status 0 with no body, leaving the refusal to the loop', async () => {
    const cancel = vi.fn(async () => undefined);
    const opaque = { type: 'opaqueredirect', status: 0, statusText: '', headers: new Headers(), body: { cancel } };
    const response = await createFetchAdapter((async () => opaque) as unknown as typeof fetch).send(wire());
    expect([response.status, response.body.byteLength]).toEqual([0, 0]);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it.each([
    ['undici\'s code on the cause', new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }), 'ECONNRESET'],
    ['Bun\'s code on the error itself', Object.assign(new TypeError('Unable to connect'), { code: 'ConnectionRefused' }), 'ConnectionRefused'],
    ['an error without a cause', new TypeError('Failed to fetch'), undefined],
    ['a cause whose code is not a string', new TypeError('fetch failed', { cause: { code: 42 } }), undefined],
    ['a code that is not a system code', new TypeError('fetch failed', { cause: { code: 'Bearer sk_live_1 was refused' } }), undefined],
    ['a thrown string', 'boom', undefined],
  ])('turns %s into a connection failure in its own words, the original kept for `thrown()` only', async (_what, thrown, code) => {
    const error = await createFetchAdapter((async () => { throw thrown; }) as typeof fetch).send(wire()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireFailure);
    expect(error).toMatchObject({ kind: 'connection', message: 'the fetch call failed', code, neverSent: false });
    expect((error as WireFailure).thrown()).toBe(thrown);
    expect((error as Error).cause).toBeUndefined();
  });

  it('refuses a body its Content-Length puts over the cap without reading it', async () => {
    let pulls = 0;
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => void (pulls++, controller.enqueue(new Uint8Array(512))), cancel });
    const given = async () => new Response(body, { status: 200, headers: { 'content-length': '1025' } });
    const error = await createFetchAdapter(given as typeof fetch).send(wire()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large', status: 200 });
    expect(cancel).toHaveBeenCalledOnce();
    expect(pulls, 'only the stream\'s own first fill, never a read').toBeLessThanOrEqual(1);
  });

  it('stops a body that lies about its size at the cap', async () => {
    const given = async () => new Response(new Uint8Array(4096), { status: 404, headers: { 'content-length': '10' } });
    const error = await createFetchAdapter(given as typeof fetch).send(wire()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'too-large', status: 404 });
  });

  it('calls a failure after the signal fired aborted, whatever fetch threw', async () => {
    const controller = new AbortController();
    const given = async () => {
      controller.abort(Symbol('timeout'));
      throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
    };
    const error = await createFetchAdapter(given as typeof fetch).send(wire({ signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'aborted' });
  });

  it('importing every entry point does not load Node\'s fetch implementation (about 30 ms at startup)', () => {
    const probe = (touch: string) => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      for (const entry of ['index', 'v1', 'track', 'money']) await import('./src/' + entry + '.ts');
      ${touch}
      console.log(process.moduleLoadList.some((name) => name.includes('undici')));`], { encoding: 'utf8' }).trim();
    expect(probe('')).toBe('false');
    expect(probe('globalThis.Response;'), 'the probe sees undici once something touches Response').toBe('true');
  });
});
