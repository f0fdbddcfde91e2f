// Types of static-server.mjs, for the specs (TypeScript) that import it.

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** A response as the server sent it; `bytes` is the body as sent (compressed, if it was). */
export interface Sent {
  status: number;
  encoding: 'br' | 'gzip' | null;
  bytes: number;
}

export interface Options {
  /** 0 (the default): any free port. */
  port?: number;
  /** Send the build's `NAME.br` / `NAME.gz` to a client that accepts them. */
  precompressed?: boolean;
  /** The file of the site (a path relative to it) to answer a missing address
   *  with, as a 404; without it, a plain-text 404. */
  notFound?: (pathname: string) => string;
  /** Runs first for every request; returns true when it answered (or chose
   *  never to), and the site is not served. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Told of every response the server itself sent, once sent. */
  onResponse?: (sent: Sent, request: IncomingMessage) => void;
}

export interface StaticServer {
  server: Server;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Stops listening and ends the open connections. */
  close(): Promise<void>;
}

/** Serves the site in `root` on 127.0.0.1; resolves once listening. */
export function serveStatic(root: string, options?: Options): Promise<StaticServer>;
