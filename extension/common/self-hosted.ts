/** Trackers a team runs on its own domain; Liaison runs there once the user grants that host. */
export const selfHostedKinds = ["gitlab", "jira", "confluence", "github"] as const;
export type SelfHostedKind = (typeof selfHostedKinds)[number];

export interface SelfHostedSite {
  origin: string;
  kind: SelfHostedKind;
}

/** What the background tells Liaison's pages when the user removes their host: leave now, not at the next load. */
export interface PageLeave {
  type: "page.leave";
  origin: string;
}

/**
 * The origin a user means by what they typed ("gitlab.acme.corp", "https://jira.acme.corp/secure/")
 * and the match pattern Liaison asks permission for. Null for anything that is not a web host.
 */
export function selfHostedOrigin(input: string): { origin: string; pattern: string } | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || (!url.hostname.includes(".") && url.hostname !== "localhost")) return null;
  if (url.username || url.password) return null;
  // Match patterns take no port: the host's every port is covered.
  return { origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}

/** The id of the content script registered for a host (stable, one per host). */
export function contentScriptId(origin: string): string {
  return `liaison-self-hosted-${origin.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}
