/**
 * A loopback TCP proxy a test can cut and restore, to take a dependency (PostgreSQL) "down" for the
 * code under test without stopping the real server other suites use.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  /** The loopback port clients connect to. */
  readonly port: number;
  /** Closes the listener and every open connection: clients see the peer vanish. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /** Drops open connections; new ones are accepted but never answered (a hung peer). */
  blackhole(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `host:port` on a free loopback port.
 * @param target - where connections go
 * @returns the proxy
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  let server: Server;
  let silent = false;
  const listen = (port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server = createServer((client) => {
        track(client);
        if (silent) {
          return;
        }
        const upstream = createConnection(target);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const cut = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    sockets.forEach((s) => s.destroy());
    await closed;
  };
  const port = await listen(0);
  return {
    port,
    cut,
    restore: async () => {
      silent = false;
      if (!server.listening) {
        await listen(port);
      }
    },
    blackhole: () => {
      silent = true;
      sockets.forEach((s) => s.destroy());
    },
    close: cut,
  };
}
