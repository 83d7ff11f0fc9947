// Two corrections to the page `redocly build-docs` writes, so the reference works offline and its
// links lead somewhere. Both are string edits of Redocly's output, checked by the browser test: if a
// Redocly upgrade changes what they match, that test fails on a network request or a broken link.
// @ts-check

/**
 * The "API docs by Redocly" badge loads its logo from Redocly's CDN, the only resource of the page
 * that is not inlined. Offline that is a failed request and a console error, online a third-party
 * request from every reader; the badge shows the word instead.
 */
export function inlineAttributionLogo(/** @type {string} */ html) {
  const wordmark = (/** @type {number} */ width) =>
    `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#5c6b7a">Redocly</text></svg>`)}`;
  return html
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', wordmark(48))
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', wordmark(48));
}

/**
 * build-docs prerenders the page for path routing (`href="/tracking"`), while the page itself routes
 * by hash (`#/tracking`): React keeps the prerendered attributes, so the sidebar's links pointed at
 * pages that do not exist until a click was caught by script. Giving the prerendered links the hash
 * form makes them match what the page renders and work without script, in a new tab or copied.
 */
export function hashRoutedLinks(/** @type {string} */ html) {
  const start = html.indexOf('<div id="redoc">');
  // The prerendered markup ends where the module script that hydrates it begins.
  const end = html.indexOf('<script type="module">', start);
  if (start < 0 || end < 0) throw new Error('build-docs output has no prerendered <div id="redoc"> before its module script');
  const prerendered = html.slice(start, end).replace(/href="\/(?!\/)([^"]*)"/g, 'href="#/$1"');
  return html.slice(0, start) + prerendered + html.slice(end);
}
