// Workspaces, members and invites as the API sends them, and the requests that create, join and change them.
import { z } from "zod";
import { departmentName, personName, text } from "./text";
import { memberRoles } from "./vocabulary";

export const memberProfile = z.object({ name: personName, department: departmentName }).strict();

export const createWorkspaceRequest = z.object({ name: text(80, 1), member: memberProfile }).strict();

export const createInviteRequest = z
  .object({
    maxUses: z.number().int().min(1).max(1000).optional(),
    expiresInDays: z.number().int().min(1).max(90).optional(),
  })
  .strict();

/** Invite codes are typed by people: case, spaces and dashes do not matter. */
export function normalizeInviteCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export const joinRequest = z
  .object({
    code: z
      .string()
      .max(40)
      .refine((code) => /^[A-Z0-9]{12}$/.test(normalizeInviteCode(code)), "must be an invite code like ABCD-EFGH-JKLM"),
    name: personName,
    department: departmentName,
  })
  .strict();

export type Role = (typeof memberRoles)[number];

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface Member {
  id: string;
  name: string;
  department: string;
  role: Role;
  joinedAt: string;
}

export interface Session {
  workspace: Workspace;
  member: Member;
  token: string;
}

/** An invite as admins see it listed (its code is never kept). */
export interface Invite {
  id: string;
  createdBy: string;
  maxUses: number;
  uses: number;
  expiresAt: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const renameWorkspaceRequest = z.object({ name: text(80, 1) }).strict();

export const updateProfileRequest = z
  .object({ name: personName.optional(), department: departmentName.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.department !== undefined, "send a name or a department");

export const changeRoleRequest = z.object({ role: z.enum(memberRoles) }).strict();
