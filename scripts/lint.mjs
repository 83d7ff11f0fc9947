#!/usr/bin/env node
// `npm run lint`: Redocly over every spec of openapi/registry.yaml (APIs and receiver-side specs), with
// the rules of redocly.yaml.
import { spawnSync } from 'node:child_process';
import { redocly, redoclyEnv } from './redocly.mjs';
import { apis, receivers, root } from './registry.mjs';

const specs = [...apis, ...receivers].map((spec) => spec.spec);
const result = spawnSync(redocly, ['lint', '--format=stylish', ...specs], { cwd: root, env: redoclyEnv, stdio: 'inherit' });
process.exit(result.status ?? 1);
