/**
 * The HTTP binding: a node:http server over the core, for clients in another process (or any
 * language) and for `athena-contract serve`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AthenaClient, type AthenaClientConfig } from '@aws-sdk/client-athena';
import { DUMMY_CREDENTIALS } from '../wire/credentials.js';
import { normalizeHeaders, type WireResponse } from '../wire/exchange.js';
import { createEmulator, type EmulatorCore, type EmulatorOptions } from './core.js';
import type { Executor } from './session-shapes.js';
import { MAX_BODY_BYTES, bodyTooLarge } from './wire.js';

/** Where the server listens (host 127.0.0.1 and an ephemeral port by default), and how slowly it answers. */
export interface ServerOptions {
  port?: number;
  host?: string;
  /**
   * Milliseconds every answer waits before it is sent: a real region's round trip, for testing
   * timeouts, spinners and how a harness fares at real latency. @defaultValue 0
   */
  latencyMs?: number;
}

/** A running emulator server. */
export interface Emulator {
  /** The base URL, e.g. `http://127.0.0.1:4566`: the endpoint to give a client. */
  url: string;
  core: EmulatorCore;
  /** An AthenaClient pointed at the server: region us-east-1, dummy credentials, maxAttempts 1. */
  client(config?: Partial<AthenaClientConfig>): AthenaClient;
  seed(sessionId: string, executors: readonly Executor[]): void;
  drop(sessionId: string): void;
  /** Stops listening and closes every connection, keep-alive ones included; stops the living mode. */
  close(): Promise<void>;
}

function send(res: ServerResponse, wire: WireResponse): void {
  const body = Buffer.from(wire.body);
  res.writeHead(wire.status, { ...wire.headers, 'content-length': body.length });
  res.end(body);
}

/** Sends `wire` after `latencyMs` (at once when 0), unless the connection is gone by then. */
function sendLater(res: ServerResponse, wire: WireResponse, latencyMs: number): void {
  if (latencyMs <= 0) return send(res, wire);
  setTimeout(() => {
    if (!res.destroyed) send(res, wire);
  }, latencyMs);
}

function serve(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, latencyMs: number): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    // Past the limit the bytes are drained, not kept: only their count matters then.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    size += chunk.length;
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    // The body is decoded only when it fits: `??` leaves the call unevaluated otherwise.
    sendLater(res, bodyTooLarge(size) ?? core.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: normalizeHeaders(req.headers), body: Buffer.concat(chunks).toString('utf8') }), latencyMs);
  });
}

/** Starts an emulator behind a node:http server (default 127.0.0.1, ephemeral port). */
export async function startEmulator(options: EmulatorOptions & ServerOptions = {}): Promise<Emulator> {
  const core = createEmulator(options);
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    core.close();
    throw new Error(`startEmulator: latencyMs must be a number of milliseconds >= 0, got ${latencyMs}`);
  }
  const server = createServer((req, res) => serve(core, req, res, latencyMs));
  // Unparseable HTTP still gets a JSON error rather than node's plain-text default.
  server.on('clientError', (_err, socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify({ __type: 'SerializationException', Message: 'Malformed HTTP request; send POST / with an AWS JSON 1.1 body' });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  await new Promise<void>((resolve, reject) => {
    // A server that cannot listen leaves no living timer behind.
    const failed = (e: Error): void => {
      core.close();
      reject(e);
    };
    server.once('error', failed);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    core,
    client: (config = {}) => new AthenaClient({ region: 'us-east-1', endpoint: url, credentials: DUMMY_CREDENTIALS, maxAttempts: 1, ...config }),
    seed: core.seed,
    drop: core.drop,
    close: () =>
      new Promise<void>((resolve, reject) => {
        core.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
