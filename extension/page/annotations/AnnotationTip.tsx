// The card a page shows while the pointer rests on highlighted words: the annotations there, who wrote them and their replies.
import type { PageAnnotation } from "../../common/page-annotation";
import { t } from "../../ui/i18n";
import { Markdown } from "../../ui/Markdown";

interface AnnotationTipProps {
  /** The annotations under the pointer, outermost first (highlights nest where annotations overlap). */
  annotations: PageAnnotation[];
  /** The hovered highlight's box, in viewport coordinates. */
  near: { left: number; top: number; bottom: number };
}

const width = 320;

/** The card shown while the pointer rests on a highlight: who wrote it, to whom, the note, tags and replies. */
export function AnnotationTip({ annotations, near }: AnnotationTipProps) {
  const below = near.bottom + 8;
  const style = {
    left: `${Math.max(8, Math.min(near.left, window.innerWidth - width - 8))}px`,
    ...(below + 180 < window.innerHeight ? { top: `${below}px` } : { bottom: `${Math.max(8, window.innerHeight - near.top + 8)}px` }),
  };
  return (
    <div class="tip" role="tooltip" style={style}>
      {annotations.map((annotation) => (
        <article key={annotation.id} data-annotation-id={annotation.id}>
          <p class="meta">
            <strong>{annotation.author ?? t("someone")}</strong>
            {annotation.addressedTo && <span class="to">{t("tipAddressedTo", annotation.addressedTo)}</span>}
            {annotation.visibility === "private" && <span class="tag">{t("visibility_private")}</span>}
            {annotation.resolved && <span class="tag">{t("annotationResolved")}</span>}
          </p>
          {annotation.body && <Markdown source={annotation.body} class="note" />}
          {annotation.tags.length > 0 && <p class="tags">{annotation.tags.map((tag) => `#${tag}`).join(" ")}</p>}
          {annotation.replies > 0 && <p class="replies">{t("tipReplies", String(annotation.replies))}</p>}
        </article>
      ))}
      <p class="hint">{t("tipOpen")}</p>
    </div>
  );
}
