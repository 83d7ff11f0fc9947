// Cloudflare Workers consumer: bundled with esbuild (conditions workerd, worker, browser) and served by
// workerd. A GET runs the shared scenario against the loopback origin bound as ORIGIN and answers with
// the result as JSON, or status 500 and the error.
import * as root from 'firstpromoter';
import * as track from 'firstpromoter/track';
import * as v1 from 'firstpromoter/v1';
import * as money from 'firstpromoter/money';
import * as affiliate from 'firstpromoter/affiliate';
import { runScenario } from '../support/scenario.mjs';

export default {
  async fetch(_request, env) {
    try {
      const result = await runScenario({ root, track, v1, money, affiliate }, { origin: env.ORIGIN, tag: env.TAG });
      return Response.json(result);
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
