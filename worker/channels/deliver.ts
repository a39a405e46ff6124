// Sends one chat message to one channel: the platform's body, its signature, a timeout, and what the receiver's answer means.
import type { ChannelPlatform, ChannelTestResult } from "../../shared/channels";
import { dingtalkSign, feishuSign, webhookSignature } from "./sign";

/** Messages per minute each platform's bot takes (a DingTalk robot blocks for 10 minutes beyond 20). */
export const rateLimits: Record<ChannelPlatform, number> = { feishu: 100, dingtalk: 20, wecom: 20, slack: 60, webhook: 120 };

const platformNames: Record<ChannelPlatform, string> = {
  feishu: "Feishu",
  dingtalk: "DingTalk",
  wecom: "WeCom",
  slack: "Slack",
  webhook: "the webhook",
};

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

/** A platform's own error inside a 200: Feishu's `code`, DingTalk's and WeCom's `errcode`. */
function platformError(platform: ChannelPlatform, answer: string): { code: number; message: string } | null {
  if (platform !== "feishu" && platform !== "dingtalk" && platform !== "wecom") return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(answer) as Record<string, unknown>;
  } catch {
    return null;
  }
  const code = Number(parsed.code ?? parsed.errcode ?? parsed.StatusCode ?? 0);
  if (!code) return null;
  return { code, message: String(parsed.msg ?? parsed.errmsg ?? parsed.StatusMessage ?? "") };
}

/** Platform errors that mean "too fast, try later": DingTalk 130101, WeCom 45009, Feishu 9499 and 11232. */
const busyCodes = new Set([130101, 45009, 9499, 11232]);

const short = (value: string) => value.replace(/\s+/g, " ").trim().slice(0, 200);

/** Sends the request; never throws. The answer's words are kept short, and the address (which may hold a token) is never said. */
export async function send(destination: Destination, body: Record<string, unknown>): Promise<DeliveryResult> {
  const name = platformNames[destination.platform];
  let response: Response;
  try {
    response = await fetch(await signedRequest(destination, body), { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      ok: false,
      retry: true,
      status: 0,
      message: timedOut ? `no answer from ${name} in ${timeoutMs / 1000} s` : `${name} could not be reached`,
    };
  }
  const answer = await response.text().catch(() => "");
  if (!response.ok) {
    const said = platformError(destination.platform, answer)?.message ?? short(answer);
    return {
      ok: false,
      retry: response.status >= 500 || response.status === 429,
      status: response.status,
      message: `${response.status} from ${name}${said ? `, ${short(said)}` : ""}`,
    };
  }
  const refused = platformError(destination.platform, answer);
  if (refused) {
    return {
      ok: false,
      retry: busyCodes.has(refused.code),
      status: response.status,
      message: `${response.status} from ${name}, code ${refused.code}${refused.message ? `: ${short(refused.message)}` : ""}`,
    };
  }
  return { ok: true, retry: false, status: response.status, message: `${response.status} from ${name}` };
}
