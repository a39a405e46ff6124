// Opening a record's details from wherever the side panel lists it: the panel provides the opener, and lists wrap a record's title in a RecordLink.
import { type ComponentChildren, createContext } from "preact";
import { useContext } from "preact/hooks";
import type { EntityName } from "../../../shared/entities";

/** Which record's details to show. */
export interface RecordRef {
  entity: EntityName;
  id: string;
}

/** Opens a record's details; absent where the list is drawn outside the panel (then titles are plain text). */
export const OpenRecord = createContext<((record: RecordRef) => void) | null>(null);

/** A record's title, which opens its details. */
export function RecordLink({ entity, id, children }: RecordRef & { children: ComponentChildren }) {
  const open = useContext(OpenRecord);
  if (!open) return <>{children}</>;
  return (
    <button type="button" class="link record-link" data-record={`${entity}/${id}`} onClick={() => open({ entity, id })}>
      {children}
    </button>
  );
}
