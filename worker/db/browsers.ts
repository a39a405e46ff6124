// A member's other browsers (each with a token of its own) and the one-time codes that sign one in.
import type { Browser } from "../../shared/browsers";
import type { Db } from "./db";
import { clearGuardStatement, guardStatement } from "./rows";

export function insertBrowserCode(
  db: Db,
  row: { code_hash: string; workspace_id: string; member_id: string; created_at: string; expires_at: string },
) {
  return db
    .prepare("INSERT INTO browser_codes (code_hash, workspace_id, member_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(row.code_hash, row.workspace_id, row.member_id, row.created_at, row.expires_at)
    .run();
}

/** A sign-in code with its member and workspace, whatever its state: the caller says why it does not work. */
export async function findBrowserCode(db: Db, codeHash: string) {
  return db
    .prepare(
      `SELECT c.workspace_id, c.member_id, c.expires_at, c.used_at, m.name, m.department, m.role, m.joined_at, m.removed_at,
              w.name AS workspace_name, w.created_at AS workspace_created_at
       FROM browser_codes c JOIN members m ON m.id = c.member_id AND m.workspace_id = c.workspace_id
         JOIN workspaces w ON w.id = c.workspace_id
       WHERE c.code_hash = ?1`,
    )
    .bind(codeHash)
    .first<{
      workspace_id: string;
      member_id: string;
      expires_at: string;
      used_at: string | null;
      name: string;
      department: string;
      role: "admin" | "member";
      joined_at: string;
      removed_at: string | null;
      workspace_name: string;
      workspace_created_at: string;
    }>();
}

/**
 * Uses the code up and signs the new browser in, in one batch that fails (guard) if the code was
 * used or ran out meanwhile, or its member was removed.
 */
export function signInBrowserStatements(
  db: Db,
  codeHash: string,
  browser: { id: string; workspace_id: string; member_id: string; token_hash: string; label: string | null; created_at: string },
) {
  return [
    db
      .prepare("UPDATE browser_codes SET used_at = ?2, browser_id = ?3 WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2")
      .bind(codeHash, browser.created_at, browser.id),
    guardStatement(db),
    clearGuardStatement(db),
    db
      .prepare(
        `INSERT INTO member_browsers (id, workspace_id, member_id, token_hash, label, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 FROM members WHERE workspace_id = ?2 AND id = ?3 AND removed_at IS NULL`,
      )
      .bind(browser.id, browser.workspace_id, browser.member_id, browser.token_hash, browser.label, browser.created_at),
    guardStatement(db),
    clearGuardStatement(db),
  ];
}

/** The member's other browsers, oldest first. */
export async function listBrowsers(db: Db, workspaceId: string, memberId: string): Promise<Array<Omit<Browser, "first" | "current">>> {
  const { results } = await db
    .prepare(
      "SELECT id, label, created_at FROM member_browsers WHERE workspace_id = ?1 AND member_id = ?2 ORDER BY created_at, id LIMIT 500",
    )
    .bind(workspaceId, memberId)
    .all<{ id: string; label: string | null; created_at: string }>();
  return results.map((row) => ({ id: row.id, label: row.label, createdAt: row.created_at }));
}

/** Signs one of the member's other browsers out for good; answers its token's hash, or null when there is no such browser. */
export async function revokeBrowser(db: Db, workspaceId: string, memberId: string, browserId: string): Promise<string | null> {
  const row = await db
    .prepare("DELETE FROM member_browsers WHERE workspace_id = ?1 AND member_id = ?2 AND id = ?3 RETURNING token_hash")
    .bind(workspaceId, memberId, browserId)
    .first<{ token_hash: string }>();
  return row?.token_hash ?? null;
}

export function replaceBrowserTokenHash(db: Db, workspaceId: string, memberId: string, browserId: string, tokenHash: string) {
  return db
    .prepare("UPDATE member_browsers SET token_hash = ?4 WHERE workspace_id = ?1 AND member_id = ?2 AND id = ?3")
    .bind(workspaceId, memberId, browserId, tokenHash)
    .run();
}
