// `firstpromoter list PATH [--query k=v …]`: every row of a list operation, page after page to the end,
// one JSON object per line on stdout (for jq). Paging is the library's `pages`: page sizes from the
// operation table, the same stop rules, and an error rather than a loop when a server repeats a page.
import type { Command } from 'commander';
import { pages } from '../../core/pagination.js';
import { createCliClient, tablesOf, apiName, type GlobalOptions } from '../clients.js';
import { EXIT } from '../exit-codes.js';
import { findOperation } from '../operations.js';
import { collect, positiveInteger, queryObject } from '../parse-flags.js';
import { writeOut } from '../output.js';

interface ListOptions {
  query?: string[];
  perPage?: number;
}

export function registerList(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program.command('list')
    .description('Page through a list to the end and print one JSON object per row')
    .argument('<path>', 'a list, e.g. /company/promoters, /company/webhooks/7/webhook_deliveries or (--v1) /promoters/list')
    .option('--query <name=value>', 'a query parameter, repeatable; brackets nest: filters[state]=accepted', collect)
    .option('--per-page <n>', 'rows per page (default: the API\'s largest documented, 100 on v2)', positiveInteger('--per-page'))
    .action((path: string, options: ListOptions, command: Command) => run(() => listAll(path, options, command.optsWithGlobals<GlobalOptions>())));
}

async function listAll(path: string, options: ListOptions, globals: GlobalOptions): Promise<number> {
  const lists = tablesOf(apiName(globals)).operations.filter((operation) => operation.kind === 'list');
  const { operation, pathParams } = findOperation(lists, 'GET', path, 'list');
  const query: Record<string, unknown> = queryObject(options.query ?? []);
  if (options.perPage !== undefined) query.per_page = options.perPage;
  const client = createCliClient(globals);
  const walk = pages as (api: unknown, path: string, options: object) => AsyncGenerator<{ items: unknown[] }>;
  for await (const page of walk(client.api, operation.path, { query, ...(Object.keys(pathParams).length ? { path: pathParams } : {}) })) {
    if (page.items.length > 0) await writeOut(page.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  }
  return EXIT.ok;
}
