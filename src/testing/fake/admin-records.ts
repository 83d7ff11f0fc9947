// Single v2 records: creating a promoter (POST /company/promoters, also the way tests add promoters
// at run time), and reading one promoter or referral by id or, with `find_by`, by another field.
import { invalidParams, notFound, type Answer } from './answers.js';
import type { Context, Handler } from './context.js';
import { isParams } from './query.js';
import { promoterJson, referralJson } from './render.js';
import { addPromoter, TakenError } from './seed.js';
import { byId, findPromoter, type Promoter, type PromoterKey } from './state.js';
import { text } from './tracking-input.js';

const createPromoter: Handler = (ctx) => {
  const { input, state } = ctx;
  const email = text(input.email);
  if (email === undefined || !/^[^@\s]+@[^@\s]+$/.test(email)) return invalidParams('email');
  const campaignId = input.initial_campaign_id ?? state.campaigns[0]!.id;
  if (!byId(state.campaigns, Number(campaignId))) return notFound(ctx.api, 'Campaign');
  const profile = isParams(input.profile) ? input.profile : {};
  const name = [text(profile.first_name), text(profile.last_name)].filter(Boolean).join(' ') || undefined;
  try {
    const promoter = addPromoter(state, {
      email, ...(name ? { name } : {}), ...(text(input.cust_id) ? { cust_id: text(input.cust_id)! } : {}),
      state: input.always_approve === false ? 'pending' : 'accepted',
    }, Number(campaignId));
    return { status: 201, body: promoterJson(state, promoter) };
  } catch (error) {
    if (!(error instanceof TakenError)) throw error;
    return { status: 400, body: { message: `Validation failed: ${error.field === 'email' ? 'Email' : 'Ref'} has already been taken`, errors: { [error.field]: ['has already been taken'] }, code: 'invalid_record' } };
  }
};

/** The `find_by` values v2 takes besides the default, the id. */
const FIND_BY: readonly PromoterKey[] = ['email', 'cust_id', 'auth_token', 'ref_token'];

function promoterOf(ctx: Context, key: string): Promoter | undefined {
  const findBy = ctx.query.find_by;
  if (findBy === undefined) return findPromoter(ctx.state, 'id', key);
  const by = FIND_BY.find((name) => name === findBy);
  return by && findPromoter(ctx.state, by, key);
}

const getPromoter: Handler = (ctx): Answer => {
  const promoter = promoterOf(ctx, ctx.pathParams.id ?? '');
  if (promoter) return { status: 200, body: promoterJson(ctx.state, promoter) };
  const findBy = ctx.query.find_by;
  return typeof findBy === 'string' ? { status: 422, body: { message: `Cannot find promoter by ${findBy}`, code: 'invalid_params' } } : notFound(ctx.api);
};

const getReferral: Handler = (ctx) => {
  const key = ctx.pathParams.id ?? '';
  const { leads } = ctx.state;
  const findBy = ctx.query.find_by;
  const lead = findBy === 'email' ? leads.find((l) => l.email?.toLowerCase() === key.toLowerCase())
    : findBy === 'uid' ? leads.find((l) => l.uid === key)
      : findBy === undefined && /^\d+$/.test(key) ? byId(leads, Number(key)) : undefined;
  return lead ? { status: 200, body: referralJson(ctx.state, lead) } : notFound(ctx.api);
};

/** Handlers by operation id. */
export const V2_RECORDS: Readonly<Record<string, Handler>> = { createPromoter, getPromoter, getReferral };
