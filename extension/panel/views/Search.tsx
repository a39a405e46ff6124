// The side panel's "Search" tab: every record kind searched by its words, in the local store.
import { useMemo, useState } from "preact/hooks";
import { type AnyKind, type RecordKindName, recordKinds, recordsOf } from "../../../shared/kinds";
import { t } from "../../ui/i18n";
import { recordKindLabels } from "../../ui/labels";
import { RecordLink } from "../details/RecordLink";
import { ItemNames } from "../ItemName";
import type { PanelData, Row } from "../panel-data";

interface Hit {
  kind: RecordKindName;
  id: string;
  text: string;
  haystack: string;
  /** The items it is about whose tracker title is known: shown by their titles after it. */
  titled: string[];
}

const maxHits = 100;

/** Builds the lower-cased text of every kind with searchable fields once per data change, not per keystroke. */
export function searchIndex(data: PanelData, kinds: readonly AnyKind[] = recordKinds): Hit[] {
  const hits: Hit[] = [];
  // A record is found by the tracker titles of its items too ("checkout times out" finds the action items on that issue).
  const titles = new Map((data.trackerItems ?? []).map((row) => [row.data.target, row.data.title]));
  for (const kind of kinds) {
    if (!kind.search) continue;
    for (const row of recordsOf<Row<unknown>>(data, kind)) {
      const { title, text } = kind.search(row.data);
      const keys = kind.name === "tracker_item" ? [] : kind.keys(row.data);
      const haystack = [title, ...text, ...keys.map((key) => titles.get(key))].filter(Boolean).join("\n").toLowerCase();
      hits.push({ kind: kind.name as RecordKindName, id: row.id, text: title, haystack, titled: keys.filter((key) => titles.get(key)) });
    }
  }
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

/** Search across every kind of record that has searchable fields. */
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
            <span class="kind">{t(recordKindLabels[hit.kind])}</span>{" "}
            <RecordLink entity={hit.kind} id={hit.id}>
              {hit.text}
            </RecordLink>
            {hit.titled.length > 0 && (
              <span class="muted">
                {" "}
                · <ItemNames targets={hit.titled} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
