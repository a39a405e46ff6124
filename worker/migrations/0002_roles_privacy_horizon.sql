-- Invites get an id to list and revoke them by; private annotations name the only member who may read them;
-- each workspace remembers up to which version tombstones were purged (its horizon).
ALTER TABLE invites ADD COLUMN id TEXT;
UPDATE invites SET id = lower(hex(randomblob(16))) WHERE id IS NULL;
CREATE UNIQUE INDEX invites_by_id ON invites(id);

ALTER TABLE entities ADD COLUMN private_to TEXT;

ALTER TABLE workspaces ADD COLUMN horizon INTEGER NOT NULL DEFAULT 0;

-- Purging old tombstones and old idempotency records reads these.
CREATE INDEX entities_tombstones ON entities(updated_at) WHERE deleted = 1;
CREATE INDEX mutations_by_age ON mutations(created_at);
