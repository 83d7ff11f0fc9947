// Makes sure Debian's Chromium is there for the docs check (CI starts on a fresh machine, as root):
// installs the `chromium` package with apt-get when it is missing, or says how to.
// @ts-check
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`docs: ${CHROMIUM} is missing; install Debian's package: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log(`docs: ${CHROMIUM} is missing, installing Debian's chromium package`);
  const apt = (/** @type {string[]} */ ...args) =>
    execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-qq');
  apt('install', '-y', '-qq', 'chromium');
  if (!existsSync(CHROMIUM)) {
    console.error(`docs: apt-get installed chromium but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}
