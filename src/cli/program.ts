// The command line's commands, global options and exit statuses. Errors are reported as one line on
// stderr, in the client's own words (which never hold a credential); commander's messages about a
// mistyped flag are cut after the flag's name, since `--api-kye=sk_live_…` would echo the key.
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { FirstPromoterError, ValidationError } from '../core/errors.js';
import { registerApi } from './commands/api.js';
import { registerImport } from './commands/import.js';
import { registerList } from './commands/list.js';
import { registerTrack } from './commands/track.js';
import { credentialHelp } from './clients.js';
import { EXIT, UsageError } from './exit-codes.js';

declare const __FIRSTPROMOTER_VERSION__: string | undefined;
const VERSION = typeof __FIRSTPROMOTER_VERSION__ === 'string' ? __FIRSTPROMOTER_VERSION__ : '0.0.0-dev';

/** `'--api-kye=secret'` → `'--api-kye=…'` in commander's messages. */
function hideFlagValues(text: string): string {
  return text.replace(/(--?[\w-]+)=[^'\s]*/g, '$1=…');
}

function nonNegativeInteger(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('takes a whole number of 0 or more.');
  return Number(value);
}

function createProgram(run: (action: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('firstpromoter')
    .description('FirstPromoter from the command line: track events, backfill them from a file, call any operation.')
    .version(VERSION)
    .option('--api-key <key>', 'API key (default: $FIRSTPROMOTER_API_KEY, with --v1 $FIRSTPROMOTER_V1_API_KEY); prefer the variable: flags show in `ps`')
    .option('--account-id <id>', 'v2 Account-ID (default: $FIRSTPROMOTER_ACCOUNT_ID)')
    .option('--v1', 'use the legacy v1 API and its key')
    .option('--base-url <url>', 'API root for a mock or a proxy (default: FirstPromoter\'s)')
    .option('--max-retries <n>', 'retries after a failed attempt (default 2; import: 4)', nonNegativeInteger)
    .option('--timeout-ms <ms>', 'timeout of one attempt (default 30000)', nonNegativeInteger)
    .addHelpText('after', `\nCredentials: ${credentialHelp()}.\nExit status: 0 done, 1 a call or an import row failed, 2 bad command line or input (nothing sent), 130 interrupted.`)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(hideFlagValues(text)) });
  registerTrack(program, run);
  registerImport(program, run);
  registerApi(program, run);
  registerList(program, run);
  for (const command of program.commands) command.exitOverride().configureOutput({ outputError: (text, write) => write(hideFlagValues(text)) });
  return program;
}

/** Runs the command line `argv` (without node and the script) and resolves with the exit status. */
export async function runCli(argv: string[]): Promise<number> {
  let status: number = EXIT.ok;
  const program = createProgram(async (action) => {
    status = await action();
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return report(error);
  }
}

function report(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  if (error instanceof UsageError || error instanceof ValidationError) return EXIT.usage;
  if (!(error instanceof FirstPromoterError) && process.env.FIRSTPROMOTER_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return EXIT.failed;
}
