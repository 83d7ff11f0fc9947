#!/usr/bin/env node
// The `firstpromoter` executable (package.json `bin`, built by tsup into dist/firstpromoter.cjs).
import { runCli } from './program.js';

// `firstpromoter list … | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Exit once stdout is flushed rather than when the loop drains: Node's fetch keeps a finished
// process alive for another ~200 ms, which adds up for scripts calling the CLI in a loop.
void runCli(process.argv.slice(2)).then((status) => {
  process.stdout.write('', () => process.exit(status));
});
