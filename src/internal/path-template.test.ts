import { expect, it } from 'vitest';
import { templateOf } from './path-template.js';

it.each([
  ['/company/things/42/notes', '/company/things/{id}/notes'],
  ['/company/promoters/jane@example.com', '/company/promoters/{id}'],
  ['/company/referrals/cus_9f2kQ', '/company/referrals/{id}'],
  ['/api/v2/company/batch_processes', '/api/v2/company/batch_processes'],
  ['/company/things/{id}', '/company/things/{id}'],
])('%s → %s', (path, template) => {
  expect(templateOf(path)).toBe(template);
});
