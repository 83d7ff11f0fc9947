// The reference half of the docs site, read from the registry: one page per spec (every API of
// `apis:` and every receiver-side spec of `receivers:`), rendered by Redocly from the bundle in
// generated/, and the route of each operation (or webhook) inside that page. The site's reference
// index, the docs build and the browser check all read this module, so a new API or operation gets
// its page and its links with no edit here.
// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { METHODS } from '../operation-table.mjs';
import { apis, generatedFiles, receiverFiles, receivers, root } from '../registry.mjs';

/**
 * @typedef {{ id: string, method: string, path: string, summary: string, tag: string, route: string }} ReferenceItem
 * @typedef {{ name: string, kind: 'api' | 'receiver', title: string, bundle: string, href: string, items: ReferenceItem[] }} ReferencePage
 */

/** Where a spec's rendered reference lives in the built site. */
export const referenceHref = (/** @type {string} */ name) => `/reference/${name}.html`;

/**
 * Redoc's route for an operation: `/<tag slug>/<operationId in lower case>`, reached as the page's
 * hash (`v2.html#/tracking/tracksale`). The browser check proves the rule against the rendered pages.
 */
export function redocRoute(/** @type {string} */ tag, /** @type {string} */ operationId) {
  const slug = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `/${slug}/${operationId.toLowerCase()}`;
}

/** @returns {ReferenceItem[]} Operations (`paths`) and webhooks (`webhooks`) of a bundle, in spec order. */
function itemsOf(/** @type {any} */ spec, /** @type {string} */ name) {
  const groups = [...Object.entries(spec.paths ?? {}), ...Object.entries(spec.webhooks ?? {})];
  return groups.flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => {
      const operation = item[method];
      const tag = operation.tags?.[0];
      if (!operation.operationId || !tag) throw new Error(`${name} ${method.toUpperCase()} ${path}: needs an operationId and a tag to have a reference route`);
      return { id: operation.operationId, method: method.toUpperCase(), path, summary: operation.summary ?? '', tag, route: redocRoute(tag, operation.operationId) };
    }),
  );
}

/** @returns {ReferencePage[]} Every spec of the registry, APIs first, with its title and items. */
export function referencePages() {
  const specs = [
    ...apis.map((api) => ({ name: api.name, kind: /** @type {const} */ ('api'), bundle: generatedFiles(api.name).bundle })),
    ...receivers.map((receiver) => ({ name: receiver.name, kind: /** @type {const} */ ('receiver'), bundle: receiverFiles(receiver.name).bundle })),
  ];
  return specs.map(({ name, kind, bundle }) => {
    const spec = parse(readFileSync(join(root, bundle), 'utf8'));
    return { name, kind, bundle, title: spec.info?.title ?? name, href: referenceHref(name), items: itemsOf(spec, name) };
  });
}
