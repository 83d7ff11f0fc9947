// VitePress data loader: every spec of the registry with its operations (or webhooks) and their
// routes in Redocly's pages, for the operation index (reference/index.md).
import { defineLoader } from 'vitepress';
import { referencePages, type ReferencePage } from '../../scripts/docs/reference-pages.mjs';

declare const data: ReferencePage[];
export { data };

export default defineLoader({
  watch: ['../../openapi/registry.yaml', '../../generated/*.openapi.yaml'],
  load: () => referencePages(),
});
