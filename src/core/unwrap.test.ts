// unwrap on results the transport did not record (another openapi-fetch client's): the error still
// names the call by a path template, never the real path.
import { describe, expect, it } from 'vitest';
import { NotFoundError } from './errors.js';
import { unwrap } from './unwrap.js';

/** A Response as fetch returns it, with the URL it answered (Response's constructor cannot set one). */
function answered(url: string, status: number): Response {
  const response = new Response('{"message":"Not found"}', { status, headers: { 'content-type': 'application/json' } });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('unwrap', () => {
  it('returns the data of a successful result', async () => {
    expect(await unwrap({ data: { id: 1 }, response: answered('https://api.example.test/x', 200) })).toEqual({ id: 1 });
  });

  it('names an unrecorded response by its path template, hiding ids and tokens', async () => {
    const response = answered('https://api.example.test/api/v2/company/promoters/ptok_5d2e8a41?find_by=auth_token', 404);
    const error = await unwrap({ error: { message: 'Not found' }, response }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ method: 'GET', path: '/api/v2/company/promoters/{id}' });
    expect((error as Error).message).not.toContain('ptok_5d2e8a41');
  });
});
