import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";

/** Chances per request (0 to 1), and the longest added delay. */
export interface Faults {
  /** The request never reaches the server; the client's connection is cut. */
  drop: number;
  /** The server handles the request, but its answer is lost on the way back. */
  lostResponse: number;
  /** The request reaches the server twice; the client gets the second answer. */
  duplicate: number;
  /** 500 from the proxy; the server never sees the request. */
  error500: number;
  /** 429 with Retry-After from the proxy; the server never sees the request. */
  error429: number;
  /** Each way, each request waits up to this long. */
  maxDelayMs: number;
  /** A WebSocket handshake is refused, or an open socket is cut within a few seconds. */
  socketDrop: number;
}

export const noFaults: Faults = { drop: 0, lostResponse: 0, duplicate: 0, error500: 0, error429: 0, maxDelayMs: 0, socketDrop: 0 };

type Counts = Record<Exclude<keyof Faults, "maxDelayMs"> | "forwarded" | "sockets", number>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Small seeded generator: a run's faults can be replayed from its seed. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Headers about one connection, not the message: the proxy's own connections set their own. */
function withoutHopByHop(headers: IncomingMessage["headers"]) {
  const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, "content-length": _l, ...rest } = headers;
  return rest;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * An HTTP and WebSocket proxy in front of the Worker that misbehaves on purpose: it drops
 * requests, loses answers after the server acted on them, sends requests twice, answers 500
 * or 429 itself, delays both ways, and refuses or cuts WebSockets. Its own answers carry the
 * CORS headers a browser needs to read them, as a real gateway's would.
 */
export async function startFaultyProxy(upstreamUrl: string, seed = 1) {
  const upstream = new URL(upstreamUrl);
  const roll = random(seed);
  let faults: Faults = { ...noFaults };
  const counts: Counts = {
    drop: 0,
    lostResponse: 0,
    duplicate: 0,
    error500: 0,
    error429: 0,
    socketDrop: 0,
    forwarded: 0,
    sockets: 0,
  };
  const open = new Set<Duplex>();
  /** The server side of each WebSocket passed through. */
  const tunnels = new Set<Socket>();
  const cutTimers = new Set<ReturnType<typeof setTimeout>>();

  /** With the socketDrop chance, cuts a WebSocket within 1 to 5 s. */
  function maybeCut(tunnel: Socket) {
    if (roll() >= faults.socketDrop) return;
    counts.socketDrop++;
    const timer = setTimeout(
      () => {
        cutTimers.delete(timer);
        tunnel.destroy();
      },
      1000 + roll() * 4000,
    );
    cutTimers.add(timer);
  }

  const delay = () => (faults.maxDelayMs > 0 ? sleep(roll() * faults.maxDelayMs) : Promise.resolve());

  function forward(req: IncomingMessage, body: Buffer) {
    counts.forwarded++;
    return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
      const outgoing = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...withoutHopByHop(req.headers), host: upstream.host, "content-length": String(body.length) },
        },
        (res) => {
          readBody(res).then((data) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: data }), reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  }

  function own(req: IncomingMessage, res: ServerResponse, status: number, code: string, extra: Record<string, string> = {}) {
    const origin = req.headers.origin;
    res.writeHead(status, {
      "Content-Type": "application/json",
      ...(origin ? { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": "Retry-After", Vary: "Origin" } : {}),
      ...extra,
    });
    res.end(JSON.stringify({ error: { code, message: `proxy: ${code}` } }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    // Preflights go through untouched (but late): a browser shows their failure as a network error, which drops cover.
    const preflight = req.method === "OPTIONS";
    await delay();
    if (!preflight) {
      // One roll per request, split into bands: drop, 500, 429, duplicate, lost answer, else faithful.
      const r = roll();
      const bands: Array<[keyof Faults, number]> = [
        ["drop", faults.drop],
        ["error500", faults.error500],
        ["error429", faults.error429],
        ["duplicate", faults.duplicate],
        ["lostResponse", faults.lostResponse],
      ];
      let fault: keyof Faults | undefined;
      let edge = 0;
      for (const [name, chance] of bands) {
        edge += chance;
        if (r < edge) {
          fault = name;
          break;
        }
      }
      if (fault === "drop") {
        counts.drop++;
        req.socket.destroy();
        return;
      }
      if (fault === "error500") {
        counts.error500++;
        return own(req, res, 500, "proxy_error");
      }
      if (fault === "error429") {
        counts.error429++;
        return own(req, res, 429, "rate_limited", { "Retry-After": "1" });
      }
      if (fault === "duplicate") {
        counts.duplicate++;
        await forward(req, body).catch(() => null);
      } else if (fault === "lostResponse") {
        counts.lostResponse++;
        await forward(req, body).catch(() => null);
        req.socket.destroy();
        return;
      }
    }
    const answer = await forward(req, body);
    await delay();
    res.writeHead(answer.status, { ...withoutHopByHop(answer.headers), "content-length": String(answer.body.length) });
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) own(req, res, 502, "bad_gateway");
      else res.destroy();
    });
  });

  // WebSockets: the handshake is passed on byte for byte, then both directions are piped.
  server.on("upgrade", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    void (async () => {
      await delay();
      if (roll() < faults.socketDrop) {
        counts.socketDrop++;
        client.end("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      const server: Socket = connect(Number(upstream.port), upstream.hostname);
      open.add(server);
      tunnels.add(server);
      server.on("close", () => {
        open.delete(server);
        tunnels.delete(server);
        client.destroy();
      });
      server.on("error", () => server.destroy());
      client.on("close", () => server.destroy());
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i];
        lines.push(`${name}: ${name.toLowerCase() === "host" ? upstream.host : req.rawHeaders[i + 1]}`);
      }
      server.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) server.write(head);
      server.pipe(client);
      client.pipe(server);
      counts.sockets++;
      maybeCut(server);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    counts,
    /** From now on; open WebSockets are subject to socketDrop as well. */
    setFaults(next: Partial<Faults>) {
      faults = { ...noFaults, ...next };
      for (const tunnel of tunnels) maybeCut(tunnel);
    },
    /** Back to a faithful proxy; sockets already marked to be cut stay open. */
    heal() {
      faults = { ...noFaults };
      for (const timer of cutTimers) clearTimeout(timer);
      cutTimers.clear();
    },
    async close() {
      for (const timer of cutTimers) clearTimeout(timer);
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FaultyProxy = Awaited<ReturnType<typeof startFaultyProxy>>;
