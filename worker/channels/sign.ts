// Signatures of chat deliveries, as each platform publishes them: Feishu and DingTalk sign a timestamp, the generic webhook its body.
const encoder = new TextEncoder();

async function hmacSha256(key: string, message: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Feishu (Lark) custom bot: HMAC-SHA256 keyed by `timestamp\nsecret` over an empty message, base64; timestamp in seconds. */
export const feishuSign = async (timestampSeconds: string, secret: string) =>
  base64(await hmacSha256(`${timestampSeconds}\n${secret}`, ""));

/** DingTalk custom robot: HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, base64 (URL-encoded by the caller); timestamp in ms. */
export const dingtalkSign = async (timestampMs: string, secret: string) => base64(await hmacSha256(secret, `${timestampMs}\n${secret}`));

/** The generic webhook's `X-Liaison-Signature`: `sha256=` and the hex HMAC-SHA256 of the body keyed by the secret. */
export const webhookSignature = async (body: string, secret: string) => `sha256=${hex(await hmacSha256(secret, body))}`;
