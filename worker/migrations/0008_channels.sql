-- Team chat channels: each workspace's bots and webhooks that events are sent to, the events held
-- back while a channel is at its platform's rate limit (sent later as one digest), and the weekly
-- reports and overdue notices already sent (each goes once). The workspace's language is the one
-- chat messages are written in.
ALTER TABLE workspaces ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN'));

CREATE TABLE channels (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces(id),
  name TEXT NOT NULL,
  platform TEXT NOT NULL CHECK (platform IN ('feishu', 'dingtalk', 'wecom', 'slack', 'webhook')),
  url TEXT NOT NULL,
  -- Write-only through the API: used to sign deliveries, never sent back.
  secret TEXT,
  -- JSON arrays; empty means every department, every event kind.
  departments TEXT NOT NULL DEFAULT '[]',
  events TEXT NOT NULL DEFAULT '[]',
  -- The weekly report's UTC weekday (0 Sunday) and hour; NULL when the channel gets none.
  weekly_weekday INTEGER,
  weekly_hour INTEGER,
  -- JSON { at, status, message } of the last delivery that failed for good.
  last_failure TEXT,
  last_delivered_at TEXT,
  -- When deliveries began failing with no success since; a day of it pauses the channel.
  failing_since TEXT,
  paused_at TEXT,
  -- The platform's rate limit: the current minute's start (ms) and the messages sent in it.
  window_start INTEGER NOT NULL DEFAULT 0,
  window_count INTEGER NOT NULL DEFAULT 0,
  -- When a digest of held-back events is due (ms), so that only one is scheduled at a time.
  digest_due INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX channels_workspace ON channels(workspace_id);

CREATE TABLE channel_backlog (
  channel_id TEXT NOT NULL,
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  -- JSON: one event, as the queue carried it.
  event TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX channel_backlog_channel ON channel_backlog(channel_id, seq);

-- One row per notice that must go once: a weekly report (key: department and ISO week) or an
-- overdue action item (key: its id and due day).
CREATE TABLE channel_sent (
  channel_id TEXT NOT NULL,
  key TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (channel_id, key)
);
