// The `api` and `list` commands find operations in the generated table: a literal segment beats a
// parameter, path parameters are decoded, and near misses are answered with the nearest operations.
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../generated/v2.operations.js';
import { closestOperations, findOperation, matchTemplate } from './operations.js';

describe('findOperation', () => {
  it('fills path parameters, decoding them', () => {
    expect(matchTemplate('/company/promoters/{id}', '/company/promoters/jane%40example.com')).toEqual({ id: 'jane@example.com' });
    expect(matchTemplate('/company/promoters/{id}', '/company/promoters/7/chart_data')).toBeUndefined();
    const { operation, pathParams } = findOperation(OPERATIONS, 'GET', '/company/webhooks/12/webhook_deliveries/99');
    expect([operation.method, operation.path, pathParams]).toEqual(['GET', '/company/webhooks/{webhook_id}/webhook_deliveries/{id}', { webhook_id: '12', id: '99' }]);
  });

  it('prefers the literal path to a parameter that would also match', () => {
    expect(findOperation(OPERATIONS, 'GET', '/company/payouts/stats').operation.path).toBe('/company/payouts/stats');
    expect(findOperation(OPERATIONS, 'GET', '/company/batch_processes/progress').operation.path).toBe('/company/batch_processes/progress');
  });

  it('names the methods a known path takes, and the closest operations for an unknown one', () => {
    expect(() => findOperation(OPERATIONS, 'PATCH', '/company/referrals/5')).toThrow(/\/company\/referrals\/\{id\} takes /);
    expect(() => findOperation(OPERATIONS, 'POST', '/company/promoters/acept')).toThrow(/takes GET, PUT\. The closest:\n {2}POST \/company\/promoters\/accept\n/);
    expect(closestOperations(OPERATIONS, 'GET', '/company/comissions').map((op) => `${op.method} ${op.path}`)[0]).toBe('GET /company/commissions');
    expect(closestOperations(OPERATIONS, 'POST', '/company/promoters/acept').map((op) => `${op.method} ${op.path}`)[0]).toBe('POST /company/promoters/accept');
  });
});
