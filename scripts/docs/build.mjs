// `npm run docs`: builds the documentation site into docs/.vitepress/dist (not committed), offline.
// 1. VitePress renders the guides (docs/**/*.md) and the reference index.
// 2. Redocly renders every spec of the registry to dist/reference/<name>.html (options and page
//    template in redocly.yaml), with Redoc's scripts inlined so nothing is fetched from a CDN.
// @ts-check
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vitepress';
import { redocly, redoclyEnv } from '../redocly.mjs';
import { root } from '../registry.mjs';
import { hashRoutedLinks, inlineAttributionLogo } from './redoc-html.mjs';
import { referencePages } from './reference-pages.mjs';

export const siteDir = join(root, 'docs/.vitepress/dist');
const run = promisify(execFile);

const started = Date.now();
await build(join(root, 'docs'));

const pages = referencePages();
for (const page of pages) {
  const output = join(siteDir, page.href);
  try {
    await run(redocly, ['build-docs', page.bundle, '--config', 'redocly.yaml', '--inlineBundle', '--output', output, '--title', `${page.title} · firstpromoter`], {
      cwd: root,
      // No telemetry from the build, and none from the rendered page (build-docs bakes the setting in).
      env: redoclyEnv,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`redocly build-docs ${page.bundle} failed:\n${stdout}${stderr}`);
  }
  writeFileSync(output, hashRoutedLinks(inlineAttributionLogo(readFileSync(output, 'utf8'))));
}

const items = pages.reduce((sum, page) => sum + page.items.length, 0);
console.log(`docs: built ${siteDir.slice(root.length + 1)} with ${pages.length} reference pages (${items} operations and webhooks) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
