// The annotation a page draws, as the background sends it: kept out of the background's code so a page names no store module.
import type { Annotation, AnnotationSelector } from "../../shared/entities";

/** An annotation as the page needs it: what to anchor, and what the hover card says. */
export interface PageAnnotation {
  id: string;
  selectors: AnnotationSelector[];
  quote: string;
  body: string;
  tags: string[];
  visibility: Annotation["visibility"];
  author: string | null;
  addressedTo: string | null;
  replies: number;
  resolved: boolean;
}
