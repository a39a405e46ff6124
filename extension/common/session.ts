// The session this browser signs in with (server, token, workspace, member), and the part of it pages may see.
import type { Member, Workspace } from "../../shared/workspace";

/** The member this browser signs in as. Kept in the extension's IndexedDB, which content scripts cannot open. */
export interface StoredSession {
  serverUrl: string;
  token: string;
  workspace: Workspace;
  member: Member;
  /** When the server refused the token (the member was removed): syncing stops, unsent work stays for export. */
  revokedAt?: string;
}

/** What pages may know of the session: everything but the token. */
export type PublicSession = Omit<StoredSession, "token">;

export const defaultServerUrl = "http://127.0.0.1:8787";

export function publicSession(session: StoredSession | null): PublicSession | null {
  if (!session) return null;
  const { token: _token, ...rest } = session;
  return rest;
}
