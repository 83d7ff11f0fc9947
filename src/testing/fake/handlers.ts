// Which handler answers an operation: per API, by operation id. An operation the fake keeps no records
// for answers the way a fresh account would where that is clear (an empty list), and 501 naming the
// operation otherwise, so a test never mistakes "not modelled" for FirstPromoter's answer.
import { AFFILIATE } from './affiliate.js';
import { notFound } from './answers.js';
import { V2_LISTS } from './admin-lists.js';
import { V2_RECORDS } from './admin-records.js';
import type { ApiName, FakeApi, Operation } from './apis.js';
import { V2_BULK } from './bulk.js';
import type { Handler } from './context.js';
import { emptyList, notModelled } from './lists.js';
import { TRACKING, V1_TRACKING } from './tracking.js';
import { V1_ADMIN } from './v1-admin.js';

/** Handlers by API and operation id: every key is an operation of that API's table (fake-admin.test.ts checks). */
export const HANDLERS: Readonly<Record<ApiName, Readonly<Record<string, Handler>>>> = {
  v2: { ...TRACKING, ...V2_LISTS, ...V2_RECORDS, ...V2_BULK },
  v1: { ...V1_TRACKING, ...V1_ADMIN },
  affiliate: AFFILIATE,
};

export function handlerFor(api: FakeApi, operation: Operation): Handler {
  const handler = HANDLERS[api.name][operation.id];
  if (handler) return handler;
  if (operation.kind !== 'list') return (ctx) => notModelled(ctx, ['the operation']);
  // A list under a parent record (a webhook's deliveries): a fresh account has no such parent.
  return operation.path.includes('{') ? (ctx) => notFound(ctx.api) : emptyList;
}
