// The scenario every JavaScript consumer runs (tracking, plus one affiliate call), given the package's
// entry points as that consumer loaded them (require, import, or a worker bundle). Throws on the first surprise.
// The runner checks the wire side on the fake FirstPromoter: headers, bodies, amounts, what it recorded.

/** The error classes every entry that makes requests exports. */
export const ERRORS = ['FirstPromoterError', 'ValidationError', 'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError',
  'NotFoundError', 'ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'ConnectionError', 'RedirectError',
  'TimeoutError', 'AbortError', 'RateLimitStoreError'];

/**
 * @param {{ root: any, track: any, v1?: any, money: any, affiliate: any }} entries  `firstpromoter`, `/track`, `/v1`, `/money`, `/affiliate`
 * @param {{ origin: string, tag: string }} target  the fake FirstPromoter's origin, and a tag naming this run
 */
export async function runScenario(entries, { origin, tag }) {
  const { root, track, v1, money, affiliate } = entries;
  const check = (ok, what) => {
    if (!ok) throw new Error(`${tag}: ${what}`);
  };
  const v2Options = { apiKey: `key-${tag}`, accountId: tag, baseUrl: `${origin}/api/v2`, maxRetries: 0 };

  // Each full entry (a client of every operation) exports what its users need beside the client.
  const needed = ['unwrap', 'paginate', 'pages', 'toArray', 'callOptions', 'PaginationError', 'toMinorUnits', 'MoneyError', ...ERRORS];
  for (const [name, entry] of [['firstpromoter', root], ['firstpromoter/v1', v1], ['firstpromoter/affiliate', affiliate]]) {
    if (!entry) continue;
    const missing = needed.filter((key) => typeof entry[key] !== 'function');
    check(missing.length === 0, `${name} lacks ${missing.join(', ')}`);
  }

  // v2 sale through the tracking-only entry; the decimal amount must arrive as integer cents.
  const tracking = track.createTracking(v2Options);
  check(Object.keys(tracking).join() === 'track', 'createTracking returns only { track }');
  const sale = await tracking.track.sale({ email: 'ada@example.com', event_id: `sale-${tag}`, amount: { amount: '19.99', currency: 'USD' } });
  check(sale.outcome === 'tracked' && sale.status === 200 && sale.data.sale_amount === 1999, `v2 sale tracked (got ${JSON.stringify(sale)})`);

  // The same event again through the root client: FirstPromoter's 409 is an outcome, not an error.
  const again = await root.createFirstPromoter(v2Options).track.sale({ email: 'ada@example.com', event_id: `sale-${tag}`, amount: 1999 });
  check(again.outcome === 'duplicate' && again.status === 409, `v2 duplicate sale (got ${JSON.stringify(again)})`);

  // Bad input never leaves the process, and error classes are one and the same across entries.
  let rejected;
  try {
    await tracking.track.sale({ email: 'ada@example.com', amount: 1999 });
  } catch (error) {
    rejected = error;
  }
  check(rejected instanceof track.ValidationError && rejected instanceof root.ValidationError && rejected instanceof money.ValidationError,
    `missing event_id is a ValidationError from every entry (got ${rejected})`);
  check(rejected.field === 'event_id', 'ValidationError names the field');

  check(money.toMinorUnits('19.99', 'USD') === 1999 && money.toMinorUnits('500', 'JPY') === 500, 'money helpers convert exactly');

  // The affiliate client with a token function: the fake refuses the first token (its session ended),
  // the client asks once for a new one and sends the call again.
  const asked = [];
  const portal = affiliate.createFirstPromoterAffiliate({
    accountId: tag, baseUrl: `${origin}/api/v2/affiliate`, maxRetries: 0,
    accessToken: async ({ refresh }) => (asked.push(refresh), `${refresh ? 'fresh' : 'expired'}-${tag}`),
  });
  const current = await affiliate.unwrap(portal.api.GET('/promoters/current'));
  check(current.email === 'maria.lopez@example.com' && asked.join() === 'false,true', `affiliate call refreshed its token once (got ${JSON.stringify(current)}, asked ${asked})`);
  check(rejected instanceof affiliate.ValidationError, 'the affiliate entry shares the error classes');

  let v1Outcome = 'skipped';
  if (v1) {
    const legacy = v1.createFirstPromoterV1({ apiKey: `v1-${tag}`, baseUrl: `${origin}/api/v1`, maxRetries: 0 });
    const v1Sale = await legacy.track.sale({ email: 'ada@example.com', event_id: `v1-sale-${tag}`, amount: { amount: '5.5', currency: 'EUR' } });
    check(v1Sale.outcome === 'tracked' && v1Sale.data.amount_cents === 550, `v1 sale tracked (got ${JSON.stringify(v1Sale)})`);
    v1Outcome = v1Sale.outcome;
  }
  return { tag, v2: sale.outcome, duplicate: again.outcome, v1: v1Outcome, affiliate: 'refreshed' };
}
