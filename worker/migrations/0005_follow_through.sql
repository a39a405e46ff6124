-- Trash and history: a deleted row keeps its last data for 30 days (restorable_data, cleared when
-- the trash is purged; the tombstone's data stays '{}' as pulls send it), and every accepted change
-- is recorded with who made it, when, and each changed field's old and new value.
ALTER TABLE entities ADD COLUMN restorable_data TEXT;
-- The trash lists a workspace's recent deletes, newest first.
CREATE INDEX entities_trash ON entities(workspace_id, updated_at) WHERE deleted = 1 AND restorable_data IS NOT NULL;

CREATE TABLE history (
  workspace_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  -- The version the change took; versions of one push's changes to a row follow each other.
  version INTEGER NOT NULL,
  member_id TEXT NOT NULL,
  -- The member's name when they made the change.
  member_name TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'restore')),
  -- JSON: [{ "field", "old", "new" }], every field (old null) for a create, none for a delete or restore.
  changes TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (workspace_id, entity, entity_id, version)
);
