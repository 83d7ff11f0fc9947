// The layering of src/, checked by `npm run check:layers` (part of `npm test`). Each folder may import
// only the folders below it: internal ← core ← transport ← apis ← entry points (src/*.ts), and the
// executable (src/cli/) sits beside the entry points. Tests may
// import anything; nothing may import a test or an entry point, and there are no cycles.
const TESTS = '\\.test(-d)?\\.ts$';
/** Test helpers that are not test files themselves. */
const TEST_KITS = '^src/transport/(adapters/(conformance|loopback-server)|scripted-adapter)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: { path: '^src/' }, to: { circular: true } },
    {
      name: 'internal-is-a-leaf',
      comment: 'src/internal/ holds plumbing utilities that import nothing else of src/ (nor generated/).',
      severity: 'error',
      from: { path: '^src/internal/', pathNot: TESTS },
      to: { path: '^(src/(?!internal/)|generated/)' },
    },
    {
      name: 'core-below-transport-and-apis',
      comment: 'src/core/ (public building blocks) imports only src/internal/.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: '^src/(?!core/|internal/)' },
    },
    {
      name: 'transport-below-apis',
      comment: 'src/transport/ knows no API: it imports src/core/ and src/internal/ only.',
      severity: 'error',
      from: { path: '^src/transport/', pathNot: TESTS },
      to: { path: '^(src/(?!core/|internal/|transport/)|generated/)' },
    },
    {
      name: 'apis-below-entries',
      comment: 'Per-API code never imports an entry point.',
      severity: 'error',
      from: { path: '^src/apis/', pathNot: TESTS },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'cli-is-the-top',
      comment: 'src/cli/ (the executable) builds on every layer but the entry points; nothing of the library imports it.',
      severity: 'error',
      from: { pathNot: `^src/cli/|${TESTS}` },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-uses-no-entry-point',
      comment: 'The CLI imports the modules themselves, as the entry points do, never an entry point.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'webhooks-need-no-client',
      comment: 'Receiving webhooks needs no API key: src/webhooks/ and its entry import no client, transport or node: module.',
      severity: 'error',
      from: { path: '^src/(webhooks/|webhooks\\.ts$)', pathNot: TESTS },
      to: { path: '^(src/(transport|apis)/|generated/v[12][.]|node_modules/openapi-fetch/)' },
    },
    {
      name: 'webhooks-runtime-neutral',
      comment: 'No static node: import in src/webhooks/: it must load on Bun, Deno and workerd too.',
      severity: 'error',
      from: { path: '^src/(webhooks/|webhooks\\.ts$)', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'testing-only-for-tests',
      comment: 'src/testing/ (the firstpromoter/testing entry and its Workers build) is never imported by production code.',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(testing/|testing(-workers)?\\.ts$)|${TESTS}` },
      to: { path: '^src/(testing/|testing(-workers)?\\.ts$)' },
    },
    {
      name: 'testing-stands-alone',
      comment: 'The testing entry is built on its own (tsup.config.ts): it reads the generated tables and leaf utilities, and at most the types of other code, so no class of the client exists twice.',
      severity: 'error',
      from: { path: '^src/(testing/|testing(-workers)?\\.ts$)', pathNot: TESTS },
      to: { path: '^src/(?!testing/|internal/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'generated-imports-no-source',
      severity: 'error',
      from: { path: '^generated/' },
      to: { path: '^src/' },
    },
    { name: 'no-test-imports', severity: 'error', from: { pathNot: TESTS }, to: { path: TESTS } },
    {
      name: 'test-kits-only-in-tests',
      comment: 'The adapter conformance suite and its loopback servers load vitest and node:http: only tests import them, so no published entry can pull them in.',
      severity: 'error',
      from: { pathNot: `${TESTS}|${TEST_KITS}` },
      to: { path: TEST_KITS },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
