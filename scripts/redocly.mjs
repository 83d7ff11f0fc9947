// How every script runs the Redocly CLI (lint, bundle, build-docs): the project's pinned copy, with no
// telemetry and no update notice, so no run of ours reports to Redocly.
// @ts-check
import { join } from 'node:path';
import { root } from './registry.mjs';

/** The pinned Redocly CLI of node_modules. */
export const redocly = join(root, 'node_modules/.bin/redocly');

/** The environment to run it in. */
export const redoclyEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
