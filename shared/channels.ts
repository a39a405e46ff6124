// Team chat channels: the platforms, the events they can be sent, the API's requests and answers, and the workspace's language.
import { z } from "zod";
import { departmentName, httpsOrLoopbackUrl, text } from "./text";

export const channelPlatforms = ["feishu", "dingtalk", "wecom", "slack", "webhook"] as const;
export type ChannelPlatform = (typeof channelPlatforms)[number];

/** What a channel can be sent; a channel with none listed gets them all. */
export const channelEventKinds = [
  "action_assigned",
  "action_overdue",
  "escalation_opened",
  "escalation_decided",
  "risk_recorded",
  "risk_occurred",
  "decision_recorded",
  "help_needed",
  "weekly_report",
] as const;
export type ChannelEventKind = (typeof channelEventKinds)[number];

/** The languages chat messages are written in: the workspace's language. */
export const workspaceLanguages = ["en", "zh-CN"] as const;
export type WorkspaceLanguage = (typeof workspaceLanguages)[number];

/** A risk this high (likelihood × impact) is announced when recorded. */
export const channelRiskScore = 15;

/** A webhook address: https, except on this machine. For most platforms the address itself is the credential. */
const webhookUrl = httpsOrLoopbackUrl(2048);

/** When a channel gets the weekly report: a weekday (0 Sunday … 6 Saturday) and an hour, in UTC. */
const weeklySchedule = z.object({ weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23) }).strict();

const channelFields = {
  name: text(80, 1),
  platform: z.enum(channelPlatforms),
  url: webhookUrl,
  /** Write-only: stored for signing, never sent back. An empty string removes it. */
  secret: z.string().max(200),
  departments: z.array(departmentName).max(30),
  events: z.array(z.enum(channelEventKinds)).max(channelEventKinds.length),
  weekly: weeklySchedule.nullable(),
};

export const createChannelRequest = z
  .object({
    ...channelFields,
    secret: channelFields.secret.optional(),
    departments: channelFields.departments.default([]),
    events: channelFields.events.default([]),
    weekly: channelFields.weekly.default(null),
  })
  .strict();

/**
 * Any of the fields; `paused: false` resumes a paused channel (so does sending a new address or
 * secret). An address is sent only to change it: the API never gives the stored one back.
 */
export const updateChannelRequest = z
  .object({
    name: channelFields.name.optional(),
    platform: channelFields.platform.optional(),
    url: channelFields.url.optional(),
    secret: channelFields.secret.optional(),
    departments: channelFields.departments.optional(),
    events: channelFields.events.optional(),
    weekly: channelFields.weekly.optional(),
    paused: z.literal(false).optional(),
  })
  .strict();

export const workspaceLanguageRequest = z.enum(workspaceLanguages);

/** How a delivery failed: no answer in time, no connection, an HTTP error status, or the platform's refusal inside a 200. */
const channelFailureKinds = ["timeout", "unreachable", "http", "platform"] as const;
export type ChannelFailureKind = (typeof channelFailureKinds)[number];

/**
 * What a receiver answered, in parts the extension words in the reader's language: its status (0
 * when it did not answer) and the platform's short error code, never the receiver's own text.
 */
export interface ChannelAnswer {
  platform: ChannelPlatform;
  status: number;
  /** The platform's error code (Feishu's `code`, DingTalk's and WeCom's `errcode`, Slack's error word), when it gave one. */
  code: string | null;
  /** Null when the message got through. */
  kind: ChannelFailureKind | null;
}

/** The last delivery that failed for good, and when. */
export interface ChannelFailure extends ChannelAnswer {
  at: string;
  kind: ChannelFailureKind;
}

/**
 * A channel as admins see it: never its secret, only whether it has one; never its address (which
 * for most platforms holds the bot's token), only its scheme and host and its last characters.
 */
export interface Channel {
  id: string;
  name: string;
  platform: ChannelPlatform;
  /** The address masked: scheme and host, then "/…". */
  url: string;
  /** The address's last 4 characters, to tell two addresses apart. */
  urlHint: string;
  hasUrl: boolean;
  hasSecret: boolean;
  departments: string[];
  events: ChannelEventKind[];
  weekly: z.infer<typeof weeklySchedule> | null;
  lastFailure: ChannelFailure | null;
  lastDeliveredAt: string | null;
  /** Set when the channel failed for a day: nothing more is sent until an admin resumes it. */
  pausedAt: string | null;
  createdAt: string;
}

/** What a test message did: sent, or the receiver's refusal (status and code only). */
export interface ChannelTestResult extends ChannelAnswer {
  ok: boolean;
}
