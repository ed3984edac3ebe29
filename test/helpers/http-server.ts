/**
 * A node:http server on loopback at a port the system picks, for the small endpoints tests write:
 * started once it listens, closed with its open keep-alive sockets (a socket the SDK keeps would
 * otherwise hold `close()` until it times out). Issue 21, item 6: one helper where fourteen test
 * files started their own.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';

/** A started test server. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The server itself, for settings such as `keepAliveTimeout`. */
  server: Server;
  /** Ends its open connections and stops it; resolves once it is closed. Safe to call twice. */
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 at a free port; resolves on the server's 'listening' event, rejects on its 'error'. */
export async function startServer(handler: RequestListener = () => undefined): Promise<LocalServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve();
    });
    server.listen(0, '127.0.0.1');
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
  return { url: `http://127.0.0.1:${port}`, port, server, close };
}

/**
 * A loopback port free a moment ago (listened on, then closed): for a test that needs nothing
 * listening at an address, or a process told to listen there.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
