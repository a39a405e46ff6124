// A note anchored to words on a page (W3C Web Annotation): only its author changes it.
import { defineKind } from "./kind";

export const annotationKind = defineKind({
  name: "annotation",
  list: "annotations",
  policy: { authorOnly: true },
  links: "targets",
  search: (a) => ({ title: a.body || a.quote, text: [a.quote, ...a.tags] }),
});
