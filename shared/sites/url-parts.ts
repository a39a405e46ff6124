/**
 * The parts of an address the target key parsers read: a URL has them, and so has the cheaper
 * stand-in that site adapters make for a list's plain links (adapter-kit.ts).
 */
export type UrlParts = Pick<URL, "protocol" | "host" | "hostname" | "pathname" | "searchParams">;
