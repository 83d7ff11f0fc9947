// Real servers on 127.0.0.1 (random ports) for wire tests: an HTTP server that reads and records every
// request before its route answers, a TCP server that resets every connection before reading a byte,
// a port nobody listens on, and hostile bodies (endless zeros, decompression bombs). For tests only:
// nothing published imports this (dependency-cruiser checks it). Deliberately wire-level (bytes, resets,
// closed ports): the server with FirstPromoter's semantics is the fake of firstpromoter/testing
// (src/testing/fake.ts).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import type { Writable } from 'node:stream';
import { constants, createBrotliCompress, createDeflate, createGzip } from 'node:zlib';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Answers a request whose body has been read (and recorded) already. */
export type Route = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface LoopbackServer {
  url(path: string): string;
  /** Every request that reached a route, in order. */
  received: ReceivedRequest[];
  /** Hits per path, counted as soon as the request line arrives (before the body is read). */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startLoopbackServer(routes: Record<string, Route>): Promise<LoopbackServer> {
  const received: ReceivedRequest[] = [];
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', path, headers: req.headers, body });
      const route = routes[path];
      if (route) return route(req, res, body);
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route ${path}`);
    });
  });
  const port = await listen(server);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    hits: (path) => hits.get(path) ?? 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A TCP server that resets (RST) every connection at once: the request never reaches anything. */
export async function startResettingServer(): Promise<{ url(path: string): string; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const server = createTcpServer((socket) => {
    connections++;
    socket.resetAndDestroy();
  });
  const port = await listen(server);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port that was free a moment ago: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes zeros into `sink` as fast as it drains, `total` bytes or until it is destroyed, then ends it. */
export function pumpZeros(sink: Writable, total: number): void {
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  const write = () => {
    while (sent < total && !sink.destroyed) {
      const piece = total - sent < chunk.length ? chunk.subarray(0, total - sent) : chunk;
      sent += piece.length;
      if (!sink.write(piece)) return void sink.once('drain', write);
    }
    if (!sink.destroyed) sink.end();
  };
  write();
}

const ENCODERS = {
  gzip: () => createGzip(),
  deflate: () => createDeflate(),
  // Quality 11, brotli's default, compresses too slowly to outrun a reader; 4 still inflates ~1000:1.
  br: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
} as const;

export const BOMB_ENCODINGS = Object.keys(ENCODERS) as Array<keyof typeof ENCODERS>;

/**
 * A decompression bomb that never ends (a few KB on the wire per MB inflated, until the client hangs
 * up), or `inflated` bytes of it. Returns the cleanup to run when the connection closes.
 */
export function sendBomb(res: ServerResponse, status: number, encoding: keyof typeof ENCODERS, inflated = Number.POSITIVE_INFINITY): () => void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-encoding': encoding });
  const zip = ENCODERS[encoding]();
  zip.pipe(res);
  pumpZeros(zip, inflated);
  return () => zip.destroy();
}
