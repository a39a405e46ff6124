import { useMemo, useState } from "preact/hooks";
import { t } from "../../ui/i18n";
import { recordKindLabels } from "../../ui/labels";
import type { PanelData } from "../panel-data";

interface Hit {
  kind: "action_item" | "decision" | "risk" | "annotation";
  id: string;
  text: string;
  haystack: string;
}

const maxHits = 100;

/** Builds the lower-cased text of everything searchable once per data change, not per keystroke. */
export function searchIndex(data: PanelData): Hit[] {
  const hits: Hit[] = [];
  const add = (kind: Hit["kind"], id: string, text: string, extra: Array<string | null>) =>
    hits.push({ kind, id, text, haystack: [text, ...extra].filter(Boolean).join("\n").toLowerCase() });
  for (const r of data.actionItems) add("action_item", r.id, r.data.text, [r.data.owner, r.data.department, ...r.data.targets]);
  for (const r of data.decisions) add("decision", r.id, r.data.text, [r.data.decidedBy, ...r.data.targets]);
  for (const r of data.risks)
    add("risk", r.id, r.data.title, [r.data.description, r.data.mitigation, r.data.contingency, r.data.owner, ...r.data.targets]);
  for (const r of data.annotations) add("annotation", r.id, r.data.body || r.data.quote, [r.data.quote, ...r.data.tags]);
  return hits;
}

export function searchHits(index: Hit[], query: string): Hit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: Hit[] = [];
  for (const hit of index) {
    if (words.every((word) => hit.haystack.includes(word))) {
      found.push(hit);
      if (found.length === maxHits) break;
    }
  }
  return found;
}

/** Search across action items, decisions, risks and annotations. */
export function Search({ data }: { data: PanelData }) {
  const [query, setQuery] = useState("");
  const index = useMemo(() => searchIndex(data), [data]);
  const hits = searchHits(index, query);
  return (
    <div class="search">
      <label class="block">
        {t("searchLabel")}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {query && hits.length === 0 && <p class="empty">{t("searchNone")}</p>}
      <ul class="plain search-hits">
        {hits.map((hit) => (
          <li key={`${hit.kind}/${hit.id}`}>
            <span class="kind">{t(recordKindLabels[hit.kind])}</span> {hit.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
