// What the docs check runs on: the built site served by sirv on loopback, and Debian's headless
// Chromium driven by playwright-core (never a browser a tool downloads: there is none to download).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

export const CHROMIUM = '/usr/bin/chromium';

// Flags that let Chromium start quietly on a machine with no network: without the background
// networking ones it keeps trying to reach Google's services.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Serves a folder on 127.0.0.1 (a free port); a missing file is a 404. */
export async function serveFolder(folder: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const files = sirv(folder, { dev: true });
  const server: Server = createServer((request, response) =>
    files(request, response, () => {
      response.statusCode = 404;
      response.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
