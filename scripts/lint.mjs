#!/usr/bin/env node
// `npm run lint`: Redocly over every spec of openapi/registry.yaml (APIs and receiver-side specs), with
// the rules of redocly.yaml.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { apis, receivers, root } from './registry.mjs';

const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const specs = [...apis, ...receivers].map((spec) => spec.spec);
const result = spawnSync(join(root, 'node_modules/.bin/redocly'), ['lint', '--format=stylish', ...specs], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
