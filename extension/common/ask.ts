import { browser } from "wxt/browser";
import type { TargetSummary } from "../../shared/summary";
import type { Invite, Member } from "../../shared/workspace";
import type { SyncStatus } from "../store/status";
import type { PageMessage } from "./messages";
import type { PageAnnotation } from "./page-annotation";
import type { SelfHostedSite } from "./self-hosted";
import type { PublicSession } from "./session";

// Kept apart from the message schemas (zod) so that pages and content scripts can ask without bundling them.

/** What the background answers to each message. */
export interface Replies {
  "capture.context": { session: PublicSession | null; members: Member[] };
  "actionItem.create": { id: string };
  "risk.create": { id: string };
  /** Only the keys with something recorded; the others summarize as an empty index does. */
  "overlay.query": { summaries: Record<string, TargetSummary> };
  "overlay.open": Record<string, never>;
  "page.part": Record<string, never>;
  "annotations.forPage": { annotations: PageAnnotation[] };
  "annotation.create": { id: string };
  "annotations.status": Record<string, never>;
  "i18n.catalogue": { catalogue: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> };
  "workspace.create": { session: PublicSession };
  "workspace.join": { session: PublicSession };
  "workspace.leave": Record<string, never>;
  "invite.create": { code: string; expiresAt: string };
  "sync.now": { status: SyncStatus };
  "conflict.resolve": Record<string, never>;
  "workspace.admin": { invites?: Invite[] };
  "panel.context": { key: string | null; title: string | null; url: string | null };
  "hosts.add": { sites: SelfHostedSite[] };
  "hosts.remove": { sites: SelfHostedSite[] };
  "entity.mutate": { id: string };
}

export type Reply<T extends PageMessage["type"]> = { ok: true; value: Replies[T] } | { ok: false; error: string };

export class MessageError extends Error {}

/** Sends a message to the background and unwraps its reply; a refusal becomes a thrown MessageError. */
export async function ask<M extends PageMessage>(message: M): Promise<Replies[M["type"]]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<M["type"]> | undefined;
  if (!reply) throw new MessageError("Liaison's background did not answer");
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}
