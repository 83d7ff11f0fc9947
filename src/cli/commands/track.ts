// `firstpromoter track sale --email jane@example.com --event-id in_1 --amount 19.99 --currency USD`:
// one tracking call with a flag for each of FirstPromoter's fields, checked like an import row, and
// the outcome printed (tracked / duplicate / not_referral). Exit 0 for any outcome, 1 when the call
// failed, 2 for bad input.
import type { Command } from 'commander';
import { ALL_FIELDS, TRACK_TYPES, fieldsOf } from '../fields.js';
import { apiName, createCliClient, type GlobalOptions } from '../clients.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { amountsUnit, trackType } from '../parse-flags.js';
import { checkRecord } from '../rows.js';

/** Fields that are switches (`--skip-email-notification`) rather than flags with a value. */
const SWITCHES = new Set(ALL_FIELDS.filter((name) => (['v1', 'v2'] as const).some((api) => TRACK_TYPES.some((type) => fieldsOf(api, type)[name] === 'boolean'))));

const flagName = (field: string) => field.replace(/_/g, '-');
const optionKey = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function registerTrack(program: Command, run: (action: () => Promise<number>) => Promise<void>): void {
  const command = program.command('track')
    .description('Track one event and print its outcome: tracked, duplicate or not_referral')
    .argument('<type>', TRACK_TYPES.join(' | '))
    .option('--amounts <unit>', 'the amount is `decimal` (19.99, with --currency) or `minor` units (1999)', 'decimal')
    .option('--json', 'print the whole outcome, FirstPromoter\'s answer included, as JSON');
  for (const field of ALL_FIELDS) {
    if (SWITCHES.has(field)) command.option(`--${flagName(field)}`, `${field}: true`);
    else command.option(`--${flagName(field)} <value>`, field);
  }
  command.action((type: string, options: Record<string, unknown>, self: Command) =>
    run(() => trackOne(type, options, self.optsWithGlobals<GlobalOptions>())));
}

async function trackOne(typeName: string, options: Record<string, unknown>, globals: GlobalOptions): Promise<number> {
  const type = trackType(typeName);
  const values = Object.fromEntries(ALL_FIELDS.filter((field) => options[optionKey(field)] !== undefined).map((field) => [field, options[optionKey(field)]]));
  const api = apiName(globals);
  const checked = checkRecord({ line: 0, raw: '', values }, { api, type, amounts: amountsUnit(String(options.amounts)), currency: undefined });
  if (!('row' in checked)) throw new UsageError(`${api} ${type}: ${checked.errors.join('; ')}. Nothing was sent.`);
  const client = createCliClient(globals);
  const outcome = await client.track[type](checked.row.params);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  } else {
    const detail = 'message' in outcome && outcome.message ? `: ${outcome.message}` : '';
    process.stdout.write(`${outcome.outcome} (HTTP ${outcome.status}${outcome.attempts > 1 ? `, ${outcome.attempts} attempts` : ''})${detail}\n`);
  }
  return EXIT.ok;
}
