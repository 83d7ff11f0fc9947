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
  return { method: 'POST', url: 'https://api.example.test/track/sale', headers: new Headers({ 'x-api-key': 'k' }), body: '{}', signal: new AbortController().signal, ...init };
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
    expect([response.status, response.headers.get('x-answer'), new TextDecoder().decode(response.body)]).toEqual([200, 'yes', '{"ok":true}']);
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
    ['undici\'s code on the cause', new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }), 'fetch failed', 'ECONNRESET'],
    ['an error without a cause', new TypeError('Failed to fetch'), 'Failed to fetch', undefined],
    ['a cause whose code is not a string', new TypeError('fetch failed', { cause: { code: 42 } }), 'fetch failed', undefined],
    ['a thrown string', 'boom', 'boom', undefined],
  ])('turns %s into a connection failure that keeps the original as cause', async (_what, thrown, message, code) => {
    const error = await createFetchAdapter((async () => { throw thrown; }) as typeof fetch).send(wire()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WireFailure);
    expect(error).toMatchObject({ kind: 'connection', message, code, neverSent: false, cause: thrown });
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
