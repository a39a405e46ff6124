-- The "For me" entries each member has read, by entry key (entity:id:what). A member reads and
-- writes only their own marks; reading in one browser clears the entry in their other browsers.
CREATE TABLE read_marks (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  entry_key TEXT NOT NULL,
  read_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, member_id, entry_key)
);
-- A member's marks newest first (trimming the oldest past the limit reads this).
CREATE INDEX read_marks_by_member ON read_marks(workspace_id, member_id, read_at);
