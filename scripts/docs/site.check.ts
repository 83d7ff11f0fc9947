// The docs site, checked in a real browser: every page of the built site is loaded in headless
// Chromium and must render (not blank), log no console error, fetch nothing off this machine, and
// link only to pages and anchors that exist; every operation of every spec must render at its route
// in Redocly's reference. Run by `npm run docs:check` after the build (never by `npm test`).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis, generatedFiles, root } from '../registry.mjs';
import { launchChromium, serveFolder } from './browser.js';
import { referencePages, type ReferenceItem } from './reference-pages.mjs';

const site = join(root, 'docs/.vitepress/dist');
const artifacts = join(root, 'docs/.artifacts');
if (!existsSync(join(site, 'index.html'))) throw new Error('No built site in docs/.vitepress/dist: run `npm run docs` first (npm run docs:check does both).');

const references = referencePages();
// What must be in the reference: every operation of each API's generated operation table.
const operationIds: Record<string, string[]> = Object.fromEntries(
  await Promise.all(
    apis.map(async (api) => {
      const table = (await import(join(root, generatedFiles(api.name).operations))) as { OPERATIONS: ReadonlyArray<{ id: string }> };
      return [api.name, table.OPERATIONS.map((operation) => operation.id)] as const;
    }),
  ),
);
const referencePaths = new Set(references.map((page) => page.href));
/** Every VitePress page of the build (the 404 page included), as a site path. */
const guidePaths = (function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : walk(full);
    const path = `/${relative(site, full)}`;
    return entry.name.endsWith('.html') && !referencePaths.has(path) ? [path] : [];
  });
})(site).sort();

interface Visit {
  ids: Set<string>;
  links: string[];
}
const visits = new Map<string, Visit>();
const problems = { consoleErrors: [] as string[], offMachine: [] as string[] };
const found: Record<string, number> = {};
let brokenLinks: string[] | undefined;
const linkCounts = { internal: 0, external: 0 };
let server: Awaited<ReturnType<typeof serveFolder>>;
let browser: Browser;

beforeAll(async () => {
  // Screenshots of this run only (docs/.artifacts/ is ignored by git).
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  server = await serveFolder(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  const apiPages = references.filter((page) => page.kind === 'api');
  const total = apiPages.reduce((sum, page) => sum + (operationIds[page.name]?.length ?? 0), 0);
  const rendered = apiPages.reduce((sum, page) => sum + (found[page.name] ?? 0), 0);
  const perSpec = references.map((page) => `${page.name}=${found[page.name] ?? 0}/${page.items.length}`).join(' ');
  console.log(`docs-reference: ${perSpec}`);
  console.log(`docs-links: internal=${linkCounts.internal} checked, external=${linkCounts.external} not followed`);
  console.log(
    `docs: pages=${visits.size} operations=${rendered}/${total} broken_links=${brokenLinks?.length ?? 'unchecked'} console_errors=${problems.consoleErrors.length}`,
  );
});

/** Opens one page in a fresh tab; console errors, page errors and requests off this machine are recorded. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const record = (what: string) => {
    errors.push(what);
    problems.consoleErrors.push(`${path}: ${what}`);
  };
  page.on('console', (message) => message.type() === 'error' && record(message.text()));
  page.on('pageerror', (error) => record(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    problems.offMachine.push(`${path}: ${url}`);
    return route.abort();
  });
  const response = await page.goto(server.origin + path, { waitUntil: 'load' });
  expect(response?.status(), `${path} is served`).toBe(200);
  return { page, errors };
}

/** Ids and link targets of the page as rendered now. */
async function record(path: string, page: Page): Promise<Visit> {
  const visit = await page.evaluate(() => ({
    ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
    sections: [...document.querySelectorAll('[data-section-id]')].map((element) => element.getAttribute('data-section-id') ?? ''),
    links: [...document.querySelectorAll('a[href]')].map((anchor) => (anchor as HTMLAnchorElement).href),
  }));
  const known = visits.get(path) ?? { ids: new Set<string>(), links: [] };
  // Redoc's sections are reached as `#<route>`: a rendered section makes its route a valid fragment.
  for (const id of [...visit.ids, ...visit.sections]) known.ids.add(id);
  known.links.push(...visit.links);
  visits.set(path, known);
  return known;
}

async function visibleText(page: Page, selector: string): Promise<number> {
  return page.evaluate((query) => {
    const element = document.querySelector(query) as HTMLElement | null;
    const box = element?.getBoundingClientRect();
    return element && box && box.height > 100 ? element.innerText.trim().length : 0;
  }, selector);
}

describe('guides', () => {
  it.each(guidePaths)('%s renders with no console error', async (path) => {
    const { page, errors } = await open(path);
    // Hydrated by Vue: what a reader sees, with the router and the search in place.
    await page.waitForFunction(() => Boolean((document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__));
    expect(await visibleText(page, '.VPContent'), `${path} shows its content`).toBeGreaterThan(100);
    await record(path, page);
    if (path === '/index.html') await page.screenshot({ path: join(artifacts, 'home.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('reference', () => {
  // The reference screenshot: the API of the package's root entry, at a sale (the call most readers
  // look up) when it has one.
  const shot = references.find((page) => page.name === apis.find((api) => api.entry === '.')?.name) ?? references[0];

  /** Goes to an operation's route and waits until its section, in view, shows the operation's summary. */
  async function renders(page: Page, item: ReferenceItem): Promise<boolean> {
    await page.evaluate((route) => (location.hash = `#${route}`), item.route);
    const shown = ({ route, summary }: { route: string; summary: string }) => {
      const section = document.querySelector(`[data-section-id="${route}"][data-item-kind]`) as HTMLElement | null;
      const box = section?.getBoundingClientRect();
      // Redoc renders neighbouring operations too: the route's own section must be the one in view.
      return Boolean(section?.innerText.includes(summary) && box && box.top < innerHeight / 2 && box.bottom > 0);
    };
    return page.waitForFunction(shown, { route: item.route, summary: item.summary }, { timeout: 10_000 }).then(() => true, () => false);
  }

  it.each(references.map((page) => [page.name, page] as const))('%s renders every operation at its route', async (_, reference) => {
    const { page, errors } = await open(reference.href);
    await page.waitForSelector('#api-content');
    expect(await visibleText(page, '#api-content'), `${reference.href} shows its content`).toBeGreaterThan(100);
    // An API's list comes from its generated operation table, a receiver's from its spec's webhooks.
    const expected = reference.kind === 'api' ? operationIds[reference.name] ?? [] : reference.items.map((item) => item.id);
    const missing: string[] = [];
    for (const id of expected) {
      const item = reference.items.find((candidate) => candidate.id === id);
      if (item && (await renders(page, item))) found[reference.name] = (found[reference.name] ?? 0) + 1;
      else missing.push(id);
      await record(reference.href, page);
    }
    if (reference === shot) {
      const item = reference.items.find((candidate) => candidate.id === 'trackSale') ?? reference.items[0];
      if (item && (await renders(page, item))) await page.screenshot({ path: join(artifacts, `reference-${reference.name}.png`) });
    }
    await page.close();
    expect(missing, `operations of ${reference.name} with no rendered reference`).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('the whole site', () => {
  it('links only to pages and anchors that exist', async () => {
    const served = new Map<string, boolean>();
    const broken: string[] = [];
    for (const [from, visit] of visits) {
      for (const href of new Set(visit.links)) {
        const url = new URL(href);
        if (url.origin !== server.origin) {
          linkCounts.external++; // not reachable from here, and not ours to check
          continue;
        }
        linkCounts.internal++;
        const target = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
        if (!served.has(target)) served.set(target, (await fetch(server.origin + target)).status === 200);
        // Redoc's links within an operation read `#<route>#<anchor>`: both must exist on the page.
        const fragments = decodeURIComponent(url.hash.slice(1)).split('#').filter(Boolean);
        const anchors = visits.get(target)?.ids;
        if (!served.get(target)) broken.push(`${from} → ${url.pathname}`);
        else if (fragments.length > 0 && !anchors) broken.push(`${from} → ${url.pathname}${url.hash} (a page the check did not load)`);
        else if (fragments.some((fragment) => !anchors?.has(fragment))) broken.push(`${from} → ${url.pathname}${url.hash}`);
      }
    }
    brokenLinks = [...new Set(broken)];
    expect(brokenLinks).toEqual([]);
  });

  it('fetches nothing from off this machine', () => {
    expect(problems.offMachine).toEqual([]);
  });
});
