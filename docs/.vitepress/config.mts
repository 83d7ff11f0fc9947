// The documentation site (VitePress): guides written as Markdown in docs/, and the API reference that
// scripts/docs/build.mjs renders with Redocly for every spec of the registry (docs/reference/).
import { defineConfig, type DefaultTheme } from 'vitepress';
import { referencePages } from '../../scripts/docs/reference-pages.mjs';

const references = referencePages();

// Redocly's pages are plain HTML beside the site, not VitePress pages: `_self` makes the browser load
// them instead of the site's router looking for a page of that name.
const referenceLinks: DefaultTheme.SidebarItem[] = [
  { text: 'Operation index', link: '/reference/' },
  ...references.map((page) => ({ text: page.title, link: page.href, target: '_self' })),
];

export default defineConfig({
  title: 'firstpromoter',
  description: 'Typed, tested, retrying TypeScript client for the FirstPromoter affiliate API',
  lang: 'en-US',
  // README-style files next to the guides are not pages.
  srcExclude: ['**/README.md'],
  // Links into Redocly's pages are checked by the browser test (scripts/docs/site.check.ts), which
  // also follows their `#/...` routes; VitePress only knows its own pages.
  ignoreDeadLinks: [(url) => references.some((page) => url.startsWith(page.href.replace(/\.html$/, '')))],
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/getting-started' },
      { text: 'API reference', link: '/reference/' },
    ],
    sidebar: [
      { text: 'Start', items: [{ text: 'Getting started', link: '/getting-started' }] },
      {
        text: 'Tracking sales',
        items: [
          { text: 'What to send, and when', link: '/tracking/' },
          { text: 'Stripe', link: '/tracking/stripe' },
          { text: 'Paddle', link: '/tracking/paddle' },
          { text: 'Chargebee', link: '/tracking/chargebee' },
          { text: 'A custom checkout', link: '/tracking/custom-checkout' },
        ],
      },
      {
        text: 'Running the program',
        items: [
          { text: 'Admin recipes', link: '/admin' },
          { text: 'Affiliate portals', link: '/affiliate' },
          { text: 'Receiving webhooks', link: '/webhooks' },
        ],
      },
      {
        text: 'In production',
        items: [
          { text: 'Retries, timeouts and rate limits', link: '/retries' },
          { text: 'How requests are sent', link: '/transport' },
          { text: 'Security guarantees', link: '/security' },
          { text: 'Testing your integration', link: '/testing' },
          { text: 'The CLI and backfills', link: '/cli' },
        ],
      },
      { text: 'API reference', items: referenceLinks },
    ],
    outline: [2, 3],
    search: { provider: 'local' },
  },
});
