// Sends one chat message to one channel: the platform's body, its signature, a timeout, and what the receiver's answer means.
import type { ChannelPlatform, ChannelTestResult } from "../../shared/channels";
import { dingtalkSign, feishuSign, webhookSignature } from "./sign";

/** Messages per minute each platform's bot takes (a DingTalk robot blocks for 10 minutes beyond 20). */
export const rateLimits: Record<ChannelPlatform, number> = { feishu: 100, dingtalk: 20, wecom: 20, slack: 60, webhook: 120 };

const timeoutMs = 10_000;

/** What a delivery came to: sent, or a failure worth retrying (5xx, 429, no answer) or not (the rest). */
interface DeliveryResult extends ChannelTestResult {
  retry: boolean;
}

/** The channel's fields a delivery needs. */
interface Destination {
  platform: ChannelPlatform;
  url: string;
  secret: string | null;
}

/** The request a channel is sent: signed as its platform asks when it has a secret. */
async function signedRequest(destination: Destination, body: Record<string, unknown>, nowMs = Date.now()): Promise<Request> {
  const { platform, secret } = destination;
  let url = destination.url;
  const headers: Record<string, string> = { "Content-Type": "application/json", "User-Agent": "Liaison" };
  let payload = body;
  if (secret && platform === "feishu") {
    const timestamp = String(Math.floor(nowMs / 1000));
    payload = { timestamp, sign: await feishuSign(timestamp, secret), ...body };
  }
  if (secret && platform === "dingtalk") {
    const timestamp = String(nowMs);
    const target = new URL(url);
    target.searchParams.set("timestamp", timestamp);
    target.searchParams.set("sign", await dingtalkSign(timestamp, secret));
    url = target.toString();
  }
  const text = JSON.stringify(payload);
  if (secret && platform === "webhook") headers["X-Liaison-Signature"] = await webhookSignature(text, secret);
  return new Request(url, { method: "POST", headers, body: text });
}

/** A platform's error code in its answer: Feishu's `code`, DingTalk's and WeCom's `errcode`; Slack answers a bare error word. */
function platformCode(platform: ChannelPlatform, answer: string): number | string | null {
  if (platform === "slack") return /^[a-z_]{1,40}$/.test(answer.trim()) ? answer.trim() : null;
  if (platform !== "feishu" && platform !== "dingtalk" && platform !== "wecom") return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(answer) as Record<string, unknown>;
  } catch {
    return null;
  }
  const code = Number(parsed.code ?? parsed.errcode ?? parsed.StatusCode ?? 0);
  return Number.isSafeInteger(code) && code !== 0 ? code : null;
}

/** Platform errors that mean "too fast, try later": DingTalk 130101, WeCom 45009, Feishu 9499 and 11232. */
const busyCodes = new Set([130101, 45009, 9499, 11232]);

/**
 * Sends the request; never throws. The answer is reduced to its status and the platform's error
 * code: the receiver's own words are never passed on, and the address (which may hold a token) never said.
 */
export async function send(destination: Destination, body: Record<string, unknown>): Promise<DeliveryResult> {
  const { platform } = destination;
  let response: Response;
  try {
    response = await fetch(await signedRequest(destination, body), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retry: true, platform, status: 0, code: null, kind: timedOut ? "timeout" : "unreachable" };
  }
  const answer = await response.text().catch(() => "");
  const code = platformCode(platform, answer);
  const said = code === null ? null : String(code);
  if (!response.ok) {
    return {
      ok: false,
      retry: response.status >= 500 || response.status === 429,
      platform,
      status: response.status,
      code: said,
      kind: "http",
    };
  }
  if (code !== null && platform !== "slack") {
    return { ok: false, retry: busyCodes.has(Number(code)), platform, status: response.status, code: said, kind: "platform" };
  }
  return { ok: true, retry: false, platform, status: response.status, code: null, kind: null };
}

/** A delivery's outcome for the Worker's log: status and code, never the address or the receiver's words. */
export const describeAnswer = (answer: { platform: ChannelPlatform; status: number; code: string | null; kind: string | null }) =>
  `${answer.platform} ${answer.kind ?? "ok"} ${answer.status}${answer.code ? ` code ${answer.code}` : ""}`;
