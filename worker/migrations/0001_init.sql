-- Workspaces, their members and invites, and every synced entity of a workspace.
CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- The workspace's change counter: every accepted write takes the next values, so pulls page by it.
  seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE members (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  department TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
  -- SHA-256 of the bearer token, hex; the token itself is never stored.
  token_hash TEXT NOT NULL UNIQUE,
  joined_at TEXT NOT NULL,
  removed_at TEXT
);
CREATE INDEX members_by_workspace ON members(workspace_id);

CREATE TABLE invites (
  code_hash TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  created_by TEXT NOT NULL REFERENCES members(id),
  max_uses INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX invites_by_workspace ON invites(workspace_id);

CREATE TABLE entities (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  entity TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_by TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, entity, id)
);
-- Pulls read a workspace's changes in version order.
CREATE UNIQUE INDEX entities_by_version ON entities(workspace_id, version);

-- Mutation ids already applied, with their result, so that a retried push is applied once.
CREATE TABLE mutations (
  workspace_id TEXT NOT NULL,
  id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  result TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

-- A write batch inserts changes() of its compare-and-set here; 0 means another write won the
-- race, the CHECK fails and D1 rolls the whole batch back, to be tried again.
CREATE TABLE write_guard (ok INTEGER NOT NULL CHECK (ok = 1));
