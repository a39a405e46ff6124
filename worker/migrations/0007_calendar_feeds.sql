-- Calendar feeds: a secret address per feed that a calendar app subscribes to, serving one member's
-- due dates, risk reviews, escalation deadlines and meetings. Like tokens, only the secret's SHA-256
-- hash is kept; revoking a feed deletes its row.
CREATE TABLE calendar_feeds (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX calendar_feeds_by_member ON calendar_feeds(workspace_id, member_id);
