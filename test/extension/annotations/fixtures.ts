import type { AnnotationEntry } from "../../../extension/common/annotation-threads";
import { mergeEntity } from "../../../shared/entities";
import type { Member } from "../../../shared/workspace";

export const pat: Member = {
  id: "member-pat-0001",
  name: "Pat Lee",
  department: "Product",
  role: "admin",
  joinedAt: "2026-11-01T00:00:00Z",
};
export const sam: Member = {
  id: "member-sam-0002",
  name: "Sam Wu",
  department: "Engineering",
  role: "member",
  joinedAt: "2026-11-02T00:00:00Z",
};
export const dana: Member = {
  id: "member-dana-003",
  name: "Dana Ortiz",
  department: "Legal",
  role: "member",
  joinedAt: "2026-11-03T00:00:00Z",
};
export const members = [pat, sam, dana];

export const issueUrl = "https://github.com/acme/app/issues/7";

let minute = 0;
/** An annotation row as the local store holds it, created a minute after the previous one. */
export function entry(id: string, author: Member, fields: Record<string, unknown>, pending = false): AnnotationEntry {
  const merged = mergeEntity("annotation", null, { url: issueUrl, targets: ["github:acme/app#7"], ...fields });
  if (!merged.ok) throw new Error(merged.message);
  minute++;
  return { id, annotation: merged.data, authorId: author.id, createdAt: `2026-11-20T10:${String(minute).padStart(2, "0")}:00Z`, pending };
}
