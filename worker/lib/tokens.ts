// Bearer tokens, invite codes and ids made by the Worker, and the hash under which tokens and codes are stored.
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** A bearer token: 256 random bits. Only its hash is stored. */
export function newToken(): string {
  return `lsn_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** A secret that is the only key to what it opens (a calendar feed's address): 256 random bits after its prefix. Only its hash is stored. */
export function newSecret(prefix: string): string {
  return `${prefix}${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
}

export async function sha256(value: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value)));
}

// No 0/O, 1/I/L: invite codes are read aloud and typed.
const inviteAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** `length` random characters of the invite alphabet, in groups of four joined by dashes. */
function newCode(length: number): string {
  const chars: string[] = [];
  // 256 is not a multiple of 31: bytes of 248 and above are skipped so that no letter is likelier.
  const limit = 256 - (256 % inviteAlphabet.length);
  while (chars.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < limit && chars.length < length) chars.push(inviteAlphabet[byte % inviteAlphabet.length]);
    }
  }
  const groups: string[] = [];
  for (let at = 0; at < length; at += 4) groups.push(chars.slice(at, at + 4).join(""));
  return groups.join("-");
}

/** An invite code, 12 characters (about 59 bits) shown as XXXX-XXXX-XXXX. */
export const newInviteCode = () => newCode(12);

/**
 * A code that signs another browser in as its member, 8 characters (about 40 bits) shown as
 * XXXX-XXXX: short enough to type from one screen into another, and it works once, for minutes,
 * behind the per-address limit.
 */
export const newBrowserCode = () => newCode(8);

export const newId = () => crypto.randomUUID().replace(/-/g, "");
