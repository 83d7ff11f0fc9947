// The install hint of PrismMissingError names the Prism versions this repository tests with, so a user
// who follows it gets the Prism the contract mock was checked against.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrismMissingError } from './prism.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

describe('PrismMissingError', () => {
  it('asks for exactly the Prism packages of the peer dependencies, at the versions the repository tests', () => {
    const prism = Object.keys(pkg.peerDependencies).filter((name) => name.startsWith('@stoplight/'));
    expect(prism).toHaveLength(3);
    const asked = new PrismMissingError(undefined).message.split('npm install --save-dev ')[1]!.split(' ');
    expect(asked.sort()).toEqual(prism.map((name) => `${name}@${pkg.devDependencies[name]}`).sort());
  });
});
