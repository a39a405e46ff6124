// What the Worker's D1 queries share: members and workspaces as rows and as the API sends them, and the write guard.
import type { Member, Role, Workspace } from "../../shared/workspace";
import type { Db } from "./db";

export interface MemberRow {
  id: string;
  workspace_id: string;
  name: string;
  department: string;
  role: Role;
  joined_at: string;
}

export interface WorkspaceRow {
  id: string;
  name: string;
  seq: number;
  created_at: string;
}

export const toMember = (row: MemberRow): Member => ({
  id: row.id,
  name: row.name,
  department: row.department,
  role: row.role,
  joinedAt: row.joined_at,
});

export const toWorkspace = (row: WorkspaceRow): Workspace => ({ id: row.id, name: row.name, createdAt: row.created_at });

export const now = () => new Date().toISOString();

/** True when D1 rolled a batch back because the write guard's CHECK failed (another write won). */
export function isGuardFailure(error: unknown): boolean {
  return error instanceof Error && /CHECK constraint failed/i.test(`${error.message} ${String(error.cause ?? "")}`);
}

/** The guard statement: fails the batch unless the statement before it changed exactly one row. */
export const guardStatement = (db: Db) => db.prepare("INSERT INTO write_guard (ok) VALUES (changes())");
export const clearGuardStatement = (db: Db) => db.prepare("DELETE FROM write_guard");
