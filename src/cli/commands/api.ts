// `firstpromoter api METHOD PATH [--query k=v …] [--data JSON]`: any operation of the specs, found in
// the generated operation table (path parameters filled from the path, a typo answered with the
// closest operations), sent through the real client, the answer printed as JSON (or as text for
// downloads such as CSV reports). A non-2xx answer is the client's typed error: exit 1.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { RAW_METHODS as METHODS, type RawMethod } from '../../apis/raw-request.js';
import { errorFrom } from '../../core/unwrap.js';
import { createCliClient, tablesOf, apiName, type GlobalOptions } from '../clients.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { findOperation } from '../operations.js';
import { collect, queryObject } from '../parse-flags.js';
import { writeOut } from '../output.js';

interface ApiOptions {
  query?: string[];
  data?: string;
}

export function registerApi(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  program.command('api')
    .description('Call any operation of the spec and print the answer')
    .argument('<method>', METHODS.join(' | '))
    .argument('<path>', 'e.g. /company/promoters/42 (v2) or /promoters/show (v1, with --v1)')
    .option('--query <name=value>', 'a query parameter, repeatable; brackets nest: filters[state]=accepted, ids[]=1', collect)
    .option('--data <json>', 'the request body as JSON, @file.json, or - for stdin')
    .action((method: string, path: string, options: ApiOptions, command: Command) =>
      run(() => callOperation(method, path, options, command.optsWithGlobals<GlobalOptions>())));
}

async function callOperation(methodName: string, target: string, options: ApiOptions, globals: GlobalOptions): Promise<number> {
  const method = methodName.toUpperCase() as RawMethod;
  if (!METHODS.includes(method)) throw new UsageError(`Unknown method ${JSON.stringify(methodName)}: use ${METHODS.join(', ')}.`);
  const [path = '', search = ''] = target.split('?', 2);
  const { operation, pathParams } = findOperation(tablesOf(apiName(globals)).operations, method, path);
  const pairs = search === '' ? [] : search.split('&').map((pair) => decodeURIComponent(pair.replace(/\+/g, ' ')));
  const query = queryObject([...pairs, ...(options.query ?? [])]);
  const body = options.data === undefined ? undefined : parseData(options.data);
  if (body !== undefined && operation.request === 'none') throw new UsageError(`${method} ${operation.path} takes no body; drop --data.`);

  const client = createCliClient(globals);
  const download = operation.kind === 'download';
  const media = download ? Object.values(operation.media as Record<string, readonly string[]>)[0]?.[0] : undefined;
  const result = await client.api[method](operation.path, {
    params: { path: pathParams, query },
    ...(body === undefined ? {} : { body }),
    ...(download ? { parseAs: 'text', headers: { Accept: media ?? '*/*' } } : {}),
  });
  if (!result.response.ok) throw errorFrom(result);
  if (result.data !== undefined && result.data !== '') {
    await writeOut(typeof result.data === 'string' ? result.data : `${JSON.stringify(result.data, null, 2)}\n`);
  }
  return EXIT.ok;
}

function parseData(data: string): unknown {
  let text = data;
  try {
    if (data === '-') text = readFileSync(0, 'utf8');
    else if (data.startsWith('@')) text = readFileSync(data.slice(1), 'utf8');
  } catch (error) {
    throw new UsageError(`--data: cannot read ${data === '-' ? 'stdin' : data.slice(1)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError('--data is not valid JSON.');
  }
}
