// Serves a Node (req, res) handler on a free loopback port with node:http (Node, Bun and Deno have it;
// workerd does not, so the worker bundle never imports this file).
import { createServer } from 'node:http';

export async function serveOnLoopback(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
