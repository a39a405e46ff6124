// Local receivers of chat channel deliveries for the Worker tests: each checks its platform's published signature and message shape, as the real bot would.
import { expect, vi } from "vitest";
import type { ChannelPlatform } from "../../shared/channels";

/** Where the receivers listen: plain http on this machine, which the API accepts for local testing. */
export const receiverBase = "http://127.0.0.1:9";

export interface Received {
  receiver: string;
  platform: ChannelPlatform;
  url: URL;
  headers: Headers;
  raw: string;
  // biome-ignore lint/suspicious/noExplicitAny: the body's shape is what the tests check
  body: any;
  /** True when the signature checked out, false when it did not, null when the receiver has no secret. */
  signed: boolean | null;
  /** Every line of text in the message, whatever the platform's format. */
  text: string;
}

interface Receiver {
  platform: ChannelPlatform;
  secret: string | null;
  /** Answers with this status (and body) instead of accepting. */
  fail?: { status: number; body: string };
}

const encoder = new TextEncoder();

const fromBase64 = (value: string) => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
const fromHex = (value: string) => Uint8Array.from(value.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** Verifies an HMAC-SHA256 as Web Crypto does, independently of the Worker's signing code. */
async function verifyHmac(key: string, message: string, signature: Uint8Array): Promise<boolean> {
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", cryptoKey, signature, encoder.encode(message));
}

/**
 * Feishu: `timestamp` (seconds) and `sign` in the JSON body, where sign = base64(HMAC-SHA256 with
 * key `timestamp + "\n" + secret` over an empty message); a timestamp over an hour off is refused.
 */
async function verifyFeishu(body: { timestamp?: string; sign?: string }, secret: string) {
  if (!body.timestamp || !body.sign) return false;
  if (Math.abs(Date.now() / 1000 - Number(body.timestamp)) > 3600) return false;
  return verifyHmac(`${body.timestamp}\n${secret}`, "", fromBase64(body.sign));
}

/**
 * DingTalk: `timestamp` (ms) and `sign` as query parameters, where sign = urlEncode(base64(
 * HMAC-SHA256 keyed by the secret over `timestamp + "\n" + secret`)); an hour off is refused.
 */
async function verifyDingtalk(url: URL, secret: string) {
  const timestamp = url.searchParams.get("timestamp");
  const rawSign = /[?&]sign=([^&]*)/.exec(url.search)?.[1];
  if (!timestamp || !rawSign) return false;
  // The base64 must arrive URL-encoded: no bare "+", "/" or "=" in the query.
  if (/[+/=]/.test(rawSign)) return false;
  if (Math.abs(Date.now() - Number(timestamp)) > 3_600_000) return false;
  return verifyHmac(secret, `${timestamp}\n${secret}`, fromBase64(decodeURIComponent(rawSign)));
}

/** The generic webhook: `X-Liaison-Signature: sha256=<hex HMAC-SHA256 of the raw body keyed by the secret>`. */
async function verifyWebhook(headers: Headers, raw: string, secret: string) {
  const header = headers.get("X-Liaison-Signature") ?? "";
  if (!header.startsWith("sha256=")) return false;
  return verifyHmac(secret, raw, fromHex(header.slice("sha256=".length)));
}

/** Checks the body has the platform's native shape, and gathers its text. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON body
function textOf(platform: ChannelPlatform, body: any): string {
  if (platform === "feishu") {
    expect(body.msg_type).toBe("post");
    const languages = Object.keys(body.content.post);
    expect(languages).toHaveLength(1);
    expect(["en_us", "zh_cn"]).toContain(languages[0]);
    const post = body.content.post[languages[0]];
    expect(typeof post.title).toBe("string");
    const elements = (post.content as Array<Array<{ tag: string; text: string; href?: string }>>).flat();
    for (const element of elements) expect(["text", "a"]).toContain(element.tag);
    return [post.title, ...elements.map((element) => (element.href ? `${element.text} ${element.href}` : element.text))].join("\n");
  }
  if (platform === "dingtalk") {
    expect(body.msgtype).toBe("markdown");
    expect(typeof body.markdown.title).toBe("string");
    expect(typeof body.markdown.text).toBe("string");
    return `${body.markdown.title}\n${body.markdown.text}`;
  }
  if (platform === "wecom") {
    expect(body.msgtype).toBe("markdown");
    expect(typeof body.markdown.content).toBe("string");
    expect(new TextEncoder().encode(body.markdown.content).length).toBeLessThanOrEqual(4096);
    return body.markdown.content;
  }
  if (platform === "slack") {
    expect(typeof body.text).toBe("string");
    expect(body.blocks[0].type).toBe("header");
    expect(body.blocks[0].text.type).toBe("plain_text");
    for (const block of body.blocks.slice(1)) expect(block).toMatchObject({ type: "section", text: { type: "mrkdwn" } });
    return [body.text, ...body.blocks.map((block: { text: { text: string } }) => block.text.text)].join("\n");
  }
  expect(typeof body.title).toBe("string");
  expect(Array.isArray(body.events)).toBe(true);
  return JSON.stringify(body);
}

/**
 * Stands receivers up behind the Worker's outbound fetch: a request to `receiverBase/<name>` is
 * checked by the receiver of that name, which answers as its platform does (Feishu and DingTalk
 * say a wrong signature inside a 200, as they do). Other requests go out as usual.
 */
export function startReceivers() {
  const receivers = new Map<string, Receiver>();
  const received: Received[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(`${receiverBase}/`)) return realFetch(input as RequestInfo, init);
    const url = new URL(request.url);
    const name = url.pathname.slice(1);
    const receiver = receivers.get(name);
    if (!receiver) return new Response("no such receiver", { status: 404 });
    const raw = await request.text();
    const body = JSON.parse(raw);
    let signed: boolean | null = null;
    if (receiver.secret && receiver.platform === "feishu") signed = await verifyFeishu(body, receiver.secret);
    if (receiver.secret && receiver.platform === "dingtalk") signed = await verifyDingtalk(url, receiver.secret);
    if (receiver.secret && receiver.platform === "webhook") signed = await verifyWebhook(request.headers, raw, receiver.secret);
    received.push({
      receiver: name,
      platform: receiver.platform,
      url,
      headers: request.headers,
      raw,
      body,
      signed,
      text: textOf(receiver.platform, body),
    });
    if (receiver.fail) return new Response(receiver.fail.body, { status: receiver.fail.status });
    if (signed === false && receiver.platform === "feishu")
      return Response.json({ code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" });
    if (signed === false && receiver.platform === "dingtalk") return Response.json({ errcode: 310000, errmsg: "sign not match" });
    if (signed === false) return new Response("bad signature", { status: 401 });
    if (receiver.platform === "feishu") return Response.json({ code: 0, msg: "success", data: {} });
    if (receiver.platform === "dingtalk" || receiver.platform === "wecom") return Response.json({ errcode: 0, errmsg: "ok" });
    return new Response("ok");
  });
  return {
    received,
    /** Adds a receiver; answers its URL. */
    add(name: string, receiver: Receiver) {
      receivers.set(name, receiver);
      return `${receiverBase}/${name}`;
    },
    set(name: string, change: Partial<Receiver>) {
      receivers.set(name, { ...(receivers.get(name) as Receiver), ...change });
    },
    of: (name: string) => received.filter((message) => message.receiver === name),
    restore: () => spy.mockRestore(),
  };
}
