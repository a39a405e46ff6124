-- A member's other browsers, each signed in with a token of its own that can be revoked alone, and the
-- one-time codes that sign one in. Like every token and code, only their SHA-256 hashes are kept.
CREATE TABLE member_browsers (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX member_browsers_by_member ON member_browsers(workspace_id, member_id);

CREATE TABLE browser_codes (
  code_hash TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  member_id TEXT NOT NULL REFERENCES members(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  -- When the code signed a browser in, and which; a code is used once.
  used_at TEXT,
  browser_id TEXT
);
-- Purging codes long expired reads this.
CREATE INDEX browser_codes_by_expiry ON browser_codes(expires_at);
