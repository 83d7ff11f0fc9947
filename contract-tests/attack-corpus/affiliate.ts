// The affiliate client's session tokens are credentials the client learns at run time (a fixed token, or
// one a function hands out on refresh): a server that echoes them back, after a refresh too, sees them
// scrubbed like any fixed credential, and a refreshed token that no header can carry is refused.
import { expect } from 'vitest';
import { APIError, createFirstPromoterAffiliate, unwrap, ValidationError } from '../../src/affiliate.js';
import { CREDENTIALS } from '../support/canary.js';
import { attack, outcomeOf, routes, type CaseContext } from './kit.js';

const GROUP = 'affiliate session tokens';
const { accessToken = '', accountId = '' } = CREDENTIALS.affiliate ?? {};
const REFRESHED = 'fp_canary_affiliate_refreshed_5c3d9e';

routes['/aff/echo/campaigns'] = (req, res) => {
  const token = String(req.headers.authorization ?? '').slice('Bearer '.length);
  if (token !== REFRESHED) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"expired"}');
  res.writeHead(422, { 'content-type': 'application/json', 'x-echo': `Bearer ${token}` })
    .end(JSON.stringify({ message: `token ${token} for ${accountId} cannot do this`, [token]: 1 }));
};

const client = (context: CaseContext, token: string | (() => string)) =>
  createFirstPromoterAffiliate({ accessToken: token, accountId, baseUrl: context.server.url('/aff/echo'), maxRetries: 0, logger: context.leaks.logger });

attack(GROUP, 'a refreshed token echoed in the body, a key and a header is scrubbed', async (context) => {
  const tokens = [accessToken, REFRESHED];
  const { error } = await outcomeOf(() => unwrap(client(context, () => tokens.shift() ?? REFRESHED).api.GET('/campaigns')));
  context.leaks.error('echo', error);
  expect(error).toBeInstanceOf(APIError);
  expect(context.leaks.hits([REFRESHED, accountId])).toEqual([]);
  expect((error as APIError).headers).toMatchObject({ 'x-echo': 'Bearer [redacted]' });
});
for (const [label, token] of [['a non-ASCII character', `${REFRESHED}é`], ['a no-break space', `${REFRESHED}\u00a0`]]) {
  attack(GROUP, `a refreshed token with ${label} is refused without quoting it`, async (context) => {
    const before = context.server.hits('/aff/echo/campaigns');
    const { error } = await outcomeOf(() => unwrap(client(context, () => token as string).api.GET('/campaigns')));
    context.leaks.error('refused', error);
    expect(error).toBeInstanceOf(ValidationError);
    expect(context.leaks.hits([REFRESHED])).toEqual([]);
    expect(context.server.hits('/aff/echo/campaigns'), 'nothing sent').toBe(before);
  });
}
