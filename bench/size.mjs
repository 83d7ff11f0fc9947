// Bundle size as a user's bundler would produce it: esbuild, bundle + minify, ESM, then gzip. The
// metafile splits each bundle into our code and openapi-fetch's, so a change shows where it landed.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { distName, entries as packageEntries, specifier, workersDistName } from '../scripts/registry.mjs';

export async function sizes(root) {
  const esbuild = await import(join(root, 'node_modules/esbuild/lib/main.js'));
  // The baseline, the tracking path alone, and every entry point of the registry in full.
  const entries = {
    'openapi-fetch alone': `export { default } from 'openapi-fetch';`,
    'firstpromoter/track (createTracking)': `export { createTracking } from './dist/track.js';`,
    'firstpromoter/webhooks (createWebhookHandler)': `export { createWebhookHandler } from './dist/webhooks.js';`,
  };
  for (const entry of packageEntries) {
    if (entry.subpath === 'track') continue; // measured above as what it is for
    // An entry with a Workers build is bundled as that build (its full build needs node:http: no bundle).
    const workers = workersDistName(entry);
    const label = entry.subpath === '.' ? `${specifier(entry)} (root, everything)` : `${specifier(entry)} (${workers ? 'Workers build, ' : ''}everything)`;
    entries[label] = `export * from './dist/${workers ?? distName(entry)}.js';`;
  }
  const out = {};
  for (const [name, contents] of Object.entries(entries)) {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm',
      platform: 'neutral', target: 'es2022', write: false, metafile: true, logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    let dependency = 0;
    for (const [path, { bytesInOutput }] of Object.entries(inputs)) if (path.includes('node_modules/')) dependency += bytesInOutput;
    out[name] = { minBytes: code.length, gzBytes: gzipSync(code, { level: 9 }).length, dependencyMinBytes: dependency };
  }
  return out;
}
