// Reads tracker items a person types or pastes (a URL, `acme/app#7`, a target key, ACME-42) into target keys.
import { targetKey, targetKeyForUrl } from "./sites/keys";

/**
 * Reads what a person types to name a tracker item: a pasted URL (parsed by the same site
 * parsers as pages), a GitHub reference `acme/app#7`, a target key, or a bare key like ACME-42
 * or ENG-12, resolved against the keys the workspace already knows (a bare key alone does not
 * say which Jira or Linear it lives in). Null when it cannot be told.
 */
export function parseTargetInput(input: string, knownKeys: Iterable<string> = []): string | null {
  const text = input.trim();
  if (!text) return null;
  if (/^https?:\/\//i.test(text)) return targetKeyForUrl(text);
  if (targetKey.test(text)) return text;
  const github = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(text);
  if (github) return `github:${github[1].toLowerCase()}/${github[2].toLowerCase()}#${Number(github[3])}`;
  const bare = /^([A-Za-z][A-Za-z0-9_]*-\d+)$/.exec(text);
  if (bare) {
    const key = bare[1].toUpperCase();
    const matches = [...new Set([...knownKeys].filter((known) => known.endsWith(`/${key}`)))];
    return matches.length === 1 ? matches[0] : null;
  }
  return null;
}

/** Several items typed at once, separated by commas, spaces or new lines; the unreadable ones are reported. */
export function parseTargetList(input: string, knownKeys: Iterable<string> = []): { keys: string[]; unknown: string[] } {
  const known = [...knownKeys];
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const part of input.split(/[\s,]+/).filter(Boolean)) {
    const key = parseTargetInput(part, known);
    if (key) keys.push(key);
    else unknown.push(part);
  }
  return { keys: [...new Set(keys)], unknown };
}
