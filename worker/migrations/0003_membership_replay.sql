-- Members remember the invite they joined with (removing them revokes it) and a key of their display
-- name (unique among a workspace's current members); invites say why they were revoked; mutation
-- ids are kept per member, with a digest of what each one said, so a reused id is told apart;
-- annotations keep the canonical IRI a Web Annotation client gave them.
ALTER TABLE members ADD COLUMN invite_id TEXT;
ALTER TABLE members ADD COLUMN name_key TEXT;
-- SQLite's lower() folds ASCII only; the Worker writes the full key for every name from now on.
UPDATE members SET name_key = lower(replace(replace(name, ' ', ''), char(9), ''));
CREATE INDEX members_by_name_key ON members(workspace_id, name_key) WHERE removed_at IS NULL;

ALTER TABLE invites ADD COLUMN revoked_reason TEXT;
ALTER TABLE invites ADD COLUMN revoked_for TEXT;

CREATE TABLE mutations_by_member (
  workspace_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  id TEXT NOT NULL,
  -- SHA-256 of the mutation's canonical JSON; null for ids recorded before it was kept.
  digest TEXT,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, member_id, id)
);
INSERT OR IGNORE INTO mutations_by_member (workspace_id, member_id, id, digest, result, created_at)
  SELECT workspace_id, member_id, id, NULL, result, created_at FROM mutations;
DROP TABLE mutations;
ALTER TABLE mutations_by_member RENAME TO mutations;
CREATE INDEX mutations_by_age ON mutations(created_at);

-- The canonical IRI a client gave an annotation through the Web Annotation Protocol, kept exactly as sent.
CREATE TABLE annotation_canonical (
  workspace_id TEXT NOT NULL,
  annotation_id TEXT NOT NULL,
  canonical TEXT NOT NULL,
  PRIMARY KEY (workspace_id, annotation_id)
);
