// Team chat channels: the platforms, the events they can be sent, the API's requests and answers, and the workspace's language.
import { z } from "zod";
import { departmentName, text } from "./text";

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

/** This machine: a receiver here may be plain http (local testing). */
const loopbackHosts = ["localhost", "127.0.0.1"];

/** A webhook address: https, except on this machine. */
const webhookUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || (url.protocol === "http:" && loopbackHosts.includes(url.hostname));
    } catch {
      return false;
    }
  }, "must be an https:// address (plain http only for localhost or 127.0.0.1)");

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

/** Any of the fields; `paused: false` resumes a paused channel (so does changing its address or secret). */
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

/** The last delivery that failed for good: when, the receiver's status (0 when it did not answer) and what it said. */
export interface ChannelFailure {
  at: string;
  status: number;
  message: string;
}

/** A channel as admins see it: never its secret, only whether it has one. */
export interface Channel {
  id: string;
  name: string;
  platform: ChannelPlatform;
  url: string;
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

/** What a test message did: sent, or the receiver's refusal. */
export interface ChannelTestResult {
  ok: boolean;
  status: number;
  message: string;
}
