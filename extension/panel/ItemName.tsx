// An item as the side panel's lists name it: the tracker's own title first, the key after it as secondary text, linked to the item.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { TrackerItem } from "../../shared/entities";
import { urlForTargetKey } from "../../shared/sites/keys";

/** What the tracker last said about each item, by key (the panel's `trackerItems` rows). */
export const TrackerItems = createContext<ReadonlyMap<string, TrackerItem>>(new Map());

export const trackerItemsByKey = (rows: ReadonlyArray<{ data: TrackerItem }>): ReadonlyMap<string, TrackerItem> =>
  new Map(rows.map((row) => [row.data.target, row.data]));

/** One item: its tracker title and key (the key alone while no member has seen its page), a link to it where its key makes one. */
export function ItemName({ target }: { target: string }) {
  const item = useContext(TrackerItems).get(target);
  const url = urlForTargetKey(target);
  const name = item?.title ? (
    <>
      <span class="item-title">{item.title}</span> <span class="item-key muted">{target}</span>
    </>
  ) : (
    <span class="item-key">{target}</span>
  );
  return (
    <span class="item-name" data-target={target}>
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener">
          {name}
        </a>
      ) : (
        name
      )}
    </span>
  );
}

/** Several items, side by side. */
export function ItemNames({ targets }: { targets: readonly string[] }) {
  return (
    <span class="item-names">
      {targets.map((target, index) => (
        <span key={target}>
          {index > 0 && " · "}
          <ItemName target={target} />
        </span>
      ))}
    </span>
  );
}
