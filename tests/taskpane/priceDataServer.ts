/*
 * A local stand-in for the server genai-prices publishes its data on: node
 * http on a random port of 127.0.0.1 (tests have no internet), answering each
 * path as a test tells it to, and counting requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Answer = (request: IncomingMessage, response: ServerResponse) => void;

export interface PriceDataServer {
  readonly origin: string;
  /** Requests received, by path. */
  readonly requests: string[];
  answer(path: string, answer: Answer): void;
  close(): Promise<void>;
}

export async function startPriceDataServer(): Promise<PriceDataServer> {
  const answers = new Map<string, Answer>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    response.setHeader("Access-Control-Allow-Origin", "*");
    if (request.method === "OPTIONS") {
      // A CORS preflight (happy-dom's fetch sends one; a browser does not for this GET): allowed, not counted.
      response.setHeader("Access-Control-Allow-Methods", "GET");
      response.setHeader("Access-Control-Allow-Headers", "*");
      response.statusCode = 204;
      response.end();
      return;
    }
    requests.push(path);
    const answer = answers.get(path);
    if (answer === undefined) {
      response.statusCode = 404;
      response.end("not found");
      return;
    }
    answer(request, response);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, answer) => answers.set(path, answer),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

/** Answers with `text` as JSON, with a Content-Length unless told not to (chunked transfer then). */
export function json(text: string, options: { readonly contentLength?: boolean } = {}): Answer {
  return (_request, response) => {
    response.statusCode = 200;
    response.setHeader("Content-Type", "application/json");
    if (options.contentLength !== false) {
      response.setHeader("Content-Length", Buffer.byteLength(text));
      response.end(text);
    } else {
      // Written before end: node then sends it chunked, with no Content-Length.
      response.write(text);
      response.end();
    }
  };
}

/** Answers with an HTTP error status. */
export function status(code: number): Answer {
  return (_request, response) => {
    response.statusCode = code;
    response.end(`error ${code}`);
  };
}
