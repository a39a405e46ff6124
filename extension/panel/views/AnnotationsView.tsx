// The side panel's annotations of the page in view: threads with replies, resolve and reopen, orphans, and a copy as Markdown.
import { useEffect, useState } from "preact/hooks";
import type { Annotation } from "../../../shared/entities";
import type { AnchoringStatus } from "../../../shared/vocabulary";
import type { Member } from "../../../shared/workspace";
import { type AnnotationThread, addresseeName, memberName, replyKind } from "../../common/annotation-threads";
import { newLocalId } from "../../store/local-rows";
import { t } from "../../ui/i18n";
import { Markdown } from "../../ui/Markdown";
import { MentionField } from "../../ui/MentionField";
import { annotationsMarkdown } from "../annotations-markdown";
import { RecordLink } from "../details/RecordLink";
import { CopyMarkdown } from "./CopyMarkdown";
import "./annotations.css";
import { maxLengths } from "../../../shared/limits";
import { ErrorNote } from "../../ui/ErrorNote";

/**
 * The annotations of the page in view: each thread with its quote, note (Markdown, rendered
 * as elements, never as HTML), author, addressee, tags and replies; reply, resolve, reopen;
 * a note about the whole page (the only kind on Google Docs, whose words are drawn on a
 * canvas); everything copied as Markdown. Annotations whose words the page no longer has
 * are listed apart as not found, never dropped.
 *
 * Wiring: `readPageAnnotations(db, page)` (extension/annotations/read.ts) reads every prop but
 * the page and `onMutate` from the local store, for `useStore`:
 *
 *   const { value } = useStore((db) => readPageAnnotations(db, page), emptyAnnotations);
 *   <AnnotationsView annotations={value.threads} anchoring={value.anchoring} members={value.members}
 *     me={value.me} focusId={value.focusId} pageUrl={page.url} pageKeys={page.keys}
 *     onMutate={(change) => ask({ type: "entity.mutate", ...change })} />
 *
 * Resolving is a reply (`resolved: true`; reopening, an empty reply with `resolved: false`):
 * the server lets only its author change an annotation, and the person a note is addressed to
 * must be able to resolve it. See extension/annotations/threads.ts.
 */
interface AnnotationsViewProps {
  /** The page's threads, oldest first. */
  annotations: AnnotationThread[];
  /** What the page's content script found per annotation id (absent: not looked for yet). */
  anchoring?: Record<string, AnchoringStatus>;
  /** The workspace's members: authors and addressees are named from them. */
  members: Member[];
  /** Who I am; null when not connected (then the view only lists). */
  me: Member | null;
  /** The page in view: page notes are saved on it; null when there is none. */
  pageUrl: string | null;
  /** The page's target keys, saved with a page note. */
  pageKeys?: string[];
  /** The annotation whose highlight was clicked: scrolled to and marked. */
  focusId?: string | null;
  /** Saves a change locally; the background queues it for the server. */
  onMutate: (change: AnnotationChange) => Promise<unknown>;
}

interface AnnotationChange {
  entity: "annotation";
  entityId: string;
  op: "upsert";
  fields: Annotation;
}

export function AnnotationsView({
  annotations,
  anchoring = {},
  members,
  me,
  pageUrl,
  pageKeys = [],
  focusId = null,
  onMutate,
}: AnnotationsViewProps) {
  const [error, setError] = useState<string | null>(null);
  const orphan = (thread: AnnotationThread) => anchoring[thread.root.id] === "orphan";
  const orphans = annotations.filter(orphan);
  const open = annotations.filter((thread) => !thread.resolved && !orphan(thread));
  const resolved = annotations.filter((thread) => thread.resolved && !orphan(thread));

  useEffect(() => {
    if (!focusId) return;
    document.querySelector(`[data-annotation-id="${CSS.escape(focusId)}"]`)?.scrollIntoView?.({ block: "nearest" });
  }, [focusId]);

  const save = async (fields: Annotation) => {
    setError(null);
    try {
      await onMutate({ entity: "annotation", entityId: newLocalId(), op: "upsert", fields });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      throw failure;
    }
  };

  const list = (threads: AnnotationThread[]) => (
    <ul class="annotation-list">
      {threads.map((thread) => (
        <Thread
          key={thread.root.id}
          thread={thread}
          status={anchoring[thread.root.id]}
          members={members}
          me={me}
          focused={thread.root.id === focusId}
          onReply={save}
        />
      ))}
    </ul>
  );

  return (
    <section class="annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">
        {t("annotationsTitle")} ({annotations.length})
      </h2>
      <ErrorNote error={error} />
      {annotations.length === 0 && <p class="empty">{t("annotationsEmpty")}</p>}
      {open.length > 0 && list(open)}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="annotation-orphans-title">
          <h3 id="annotation-orphans-title">
            {t("annotationsOrphansTitle")} ({orphans.length})
          </h3>
          <p class="muted">{t("annotationsOrphansHint")}</p>
          {list(orphans)}
        </section>
      )}
      {resolved.length > 0 && (
        <details class="resolved-threads" open={resolved.some((thread) => thread.root.id === focusId)}>
          <summary>{t("annotationsResolvedTitle", String(resolved.length))}</summary>
          {list(resolved)}
        </details>
      )}
      {pageUrl && me && <PageNote pageUrl={pageUrl} pageKeys={pageKeys} members={members} onSave={save} />}
      {annotations.length > 0 && (
        <CopyMarkdown label={t("annotationsCopy")} markdown={annotationsMarkdown(annotations, { members, pageUrl, anchoring })} />
      )}
    </section>
  );
}

interface ThreadProps {
  thread: AnnotationThread;
  status: AnchoringStatus | undefined;
  members: Member[];
  me: Member | null;
  focused: boolean;
  onReply: (fields: Annotation) => Promise<void>;
}

function Thread({ thread, status, members, me, focused, onReply }: ThreadProps) {
  const [reply, setReply] = useState("");
  const [saving, setSaving] = useState(false);
  const { root, replies, resolved } = thread;
  const annotation = root.annotation;
  const to = addresseeName(annotation, members);
  const name = (id: string | null) => memberName(members, id) ?? t("someone");

  async function answer(fields: { body: string; resolved: boolean }) {
    setSaving(true);
    try {
      await onReply({
        url: annotation.url,
        targets: annotation.targets,
        selectors: [],
        quote: "",
        tags: [],
        visibility: annotation.visibility,
        parent: root.id,
        addressedTo: null,
        ...fields,
      });
      setReply("");
    } catch {
      // The view shows the error; the reply stays in the box.
    } finally {
      setSaving(false);
    }
  }

  return (
    <li class={`annotation${focused ? " focused" : ""}${resolved ? " resolved" : ""}`} data-annotation-id={root.id}>
      {annotation.quote && <blockquote class="annotation-quote">{annotation.quote}</blockquote>}
      {annotation.body && <Markdown source={annotation.body} class="annotation-note" />}
      <p class="annotation-meta">
        <span class="author">{name(root.authorId)}</span>
        <time dateTime={root.createdAt}>{root.createdAt.slice(0, 10)}</time>
        {to && <span class="to">{t("tipAddressedTo", to)}</span>}
        {annotation.visibility === "private" && <span class="private">{t("visibility_private")}</span>}
        {annotation.tags.map((tag) => (
          <span key={tag} class="tag">
            #{tag}
          </span>
        ))}
        {status === "orphan" && <span class="orphan">{t("annotationOrphan")}</span>}
        {(status === "page" || annotation.selectors.length === 0) && <span class="page-note">{t("annotationPageNote")}</span>}
        {resolved && <span class="state">{t("annotationResolved")}</span>}
        {root.pending && <span class="pending">{t("notSynced")}</span>}
        <RecordLink entity="annotation" id={root.id}>
          {t("detailsFormLabel")}
        </RecordLink>
      </p>
      {replies.length > 0 && (
        <ul class="replies">
          {replies.map((entry) => {
            const kind = replyKind(entry.annotation);
            return (
              <li key={entry.id} class={`reply ${kind}`}>
                {kind === "comment" ? (
                  <>
                    <strong>{name(entry.authorId)}</strong>
                    <Markdown source={entry.annotation.body} class="annotation-note" />
                  </>
                ) : (
                  <>
                    <em>{kind === "resolved" ? t("replyResolved", name(entry.authorId)) : t("replyReopened", name(entry.authorId))}</em>
                    {entry.annotation.body && <Markdown source={entry.annotation.body} class="annotation-note" />}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {me && (
        <form
          class="reply-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (reply.trim()) void answer({ body: reply.trim(), resolved: false });
          }}
        >
          <MentionField
            aria-label={t("replyLabel")}
            rows={2}
            maxLength={maxLengths.annotation.body}
            value={reply}
            onValue={setReply}
            members={members}
          />
          <div class="reply-actions">
            <button type="submit" disabled={saving || !reply.trim()}>
              {t("replySend")}
            </button>
            <button
              type="button"
              disabled={saving}
              onClick={() => void answer(resolved ? { body: "", resolved: false } : { body: reply.trim(), resolved: true })}
            >
              {resolved ? t("reopen") : t("resolve")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function PageNote({
  pageUrl,
  pageKeys,
  members,
  onSave,
}: {
  pageUrl: string;
  pageKeys: string[];
  members: Member[];
  onSave: (fields: Annotation) => Promise<void>;
}) {
  const [note, setNote] = useState("");
  return (
    <form
      class="page-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!note.trim()) return;
        onSave({
          url: pageUrl,
          targets: pageKeys,
          selectors: [],
          quote: "",
          body: note.trim(),
          tags: [],
          visibility: "workspace",
          parent: null,
          resolved: false,
          addressedTo: null,
        }).then(
          () => setNote(""),
          () => {},
        );
      }}
    >
      <label for="page-note">{t("pageNoteTitle")}</label>
      <MentionField id="page-note" rows={2} maxLength={maxLengths.annotation.body} value={note} onValue={setNote} members={members} />
      <button type="submit" disabled={!note.trim()}>
        {t("pageNoteSave")}
      </button>
    </form>
  );
}
