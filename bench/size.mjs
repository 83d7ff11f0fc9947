// Bundle size as a user's bundler would produce it: esbuild, bundle + minify, ESM, then gzip. The
// metafile splits each bundle into our code and openapi-fetch's, so a change shows where it landed.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export async function sizes(root) {
  const esbuild = await import(join(root, 'node_modules/esbuild/lib/main.js'));
  const entries = {
    'openapi-fetch alone': `export { default } from 'openapi-fetch';`,
    'firstpromoter/track (createTracking)': `export { createTracking } from './dist/track.js';`,
    'firstpromoter (root, everything)': `export * from './dist/index.js';`,
    'firstpromoter/v1 (everything)': `export * from './dist/v1.js';`,
    'firstpromoter/money (everything)': `export * from './dist/money.js';`,
    'firstpromoter/affiliate (everything)': `export * from './dist/affiliate.js';`,
  };
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
