// The side panel's tabs (this page, for me, my work, action items, meetings, risks, goals, gaps, report, search, all read from the local store; trash, from the server).
import { useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { knownTargetKeys } from "../../shared/kinds/items";
import { ask } from "../common/ask";
import { t, today as todayInZone } from "../ui/i18n";
import { filterLabels, viewLabels } from "../ui/labels";
import { useStore, useTabInView } from "../ui/use-store";
import { ActionItemList } from "./ActionItemList";
import { type ActionItemFilter, filterActionItems, toActionItemView } from "./action-items";
import { Conflicts } from "./Conflicts";
import { OpenRecord, type RecordRef } from "./details/RecordLink";
import { type Undoable, UndoBar } from "./details/UndoBar";
import { HistoryList } from "./history/HistoryList";
import { TrackerItems, trackerItemsByKey } from "./ItemName";
import { emptyPanelData, type PanelData, readPanelData } from "./panel-data";
import { SyncBar } from "./SyncBar";
import { toggleDone } from "./views/actions";
import { ForMe, useForMe, usePanelRequest } from "./views/ForMe";
import { Gaps } from "./views/Gaps";
import { Goals } from "./views/Goals";
import { Meetings } from "./views/Meetings";
import { MyWork } from "./views/MyWork";
import { Report } from "./views/Report";
import { Risks } from "./views/Risks";
import { Search } from "./views/Search";
import { ThisPage } from "./views/ThisPage";
import { Trash } from "./views/Trash";

/** A record's details, loaded the first time one is opened: the first screen does without them. */
type DetailsModule = typeof import("./details/RecordDetails");

const views = ["thisPage", "forMe", "myWork", "actionItems", "meetings", "risks", "goals", "gaps", "report", "search", "trash"] as const;
type View = (typeof views)[number];

/** The side panel: a tab per job, all read from the local store; nothing waits for the network. */
export function PanelApp({ initialView, first }: { initialView?: View; first?: Promise<PanelData> }) {
  const { value: data, loaded } = useStore(readPanelData, emptyPanelData, first);
  const [page, setPage] = useState<{ key: string | null; title: string | null; url: string | null }>({ key: null, title: null, url: null });
  const [view, setView] = useState<View | null>(initialView ?? null);
  const [filter, setFilter] = useState<ActionItemFilter>("all");
  const [openRecord, setOpenRecord] = useState<RecordRef | null>(null);
  const [details, setDetails] = useState<DetailsModule | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const today = todayInZone();
  const me = data.session?.member ?? null;
  const forMe = useForMe(data, me, today);

  // The item of the tab in view, as its overlay reported it: asked at once, then whenever the
  // background says the tab in view or its page changed (a chip click names one too, as the focus).
  useTabInView(
    () =>
      void ask({ type: "panel.context" })
        .then((context) => setPage({ key: context.key, title: context.title, url: context.url }))
        .catch(() => {}),
  );
  const pageKey = page.key ?? data.focus;
  const current: View = view ?? (pageKey ? "thisPage" : "actionItems");
  // The first read holds the rows of the item in view, or else the newest action items: enough
  // for This page or the list's first page; the other views wait the moment for the full read.
  const ready =
    loaded &&
    (data.complete ||
      (data.firstScreenItem === null
        ? current === "actionItems" && filter === "all"
        : current === "thisPage" && pageKey === data.firstScreenItem));
  // First content on screen (the frame after it was drawn), for bench/sidepanel.ts.
  useLayoutEffect(() => {
    if (ready && performance.getEntriesByName("liaison:panel-content").length === 0)
      requestAnimationFrame(() => performance.mark("liaison:panel-content"));
  }, [ready]);

  // Every item any record names, so that a bare key like ACME-42 known from a goal alone resolves.
  const knownKeys = useMemo(() => knownTargetKeys(data), [data]);
  // Items named by their tracker titles wherever a list shows them.
  const trackerItems = useMemo(() => trackerItemsByKey(data.trackerItems), [data.trackerItems]);

  // Clicking a record wherever it is listed opens its details in place of the tab's list.
  const open = (record: RecordRef) => {
    setOpenRecord(record);
    if (!details) void import("./details/RecordDetails").then(setDetails);
  };
  const showView = (name: View) => {
    setOpenRecord(null);
    setView(name);
  };
  // A "For me" notification was clicked: its record, in "For me".
  usePanelRequest((record) => {
    showView("forMe");
    if (record) open(record);
  });

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step =
      event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    const to = event.key === "Home" ? 0 : event.key === "End" ? views.length - 1 : step ? (index + step + views.length) % views.length : -1;
    if (to < 0) return;
    event.preventDefault();
    showView(views[to]);
    tabs.current[to]?.focus();
  };

  const actionItems = filterActionItems(data.actionItems.map(toActionItemView), filter, me);

  const panel = (
    <main class="panel">
      <header>
        <h1>Liaison</h1>
        <SyncBar
          status={data.status}
          live={data.live}
          rejected={data.rejected.length}
          notSaved={data.rejected}
          onSync={() => void ask({ type: "sync.now" }).catch(() => {})}
        />
      </header>
      {loaded && !data.session && (
        <section class="connect">
          <p>{t("connectPrompt")}</p>
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
            {t("openOptions")}
          </button>
        </section>
      )}
      <Conflicts conflicts={data.conflicts} members={data.members} />
      <div class="tabs" role="tablist" aria-label={t("viewsLabel")}>
        {views.map((name, index) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={current === name}
            aria-controls="view"
            tabIndex={current === name ? 0 : -1}
            onClick={() => showView(name)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(viewLabels[name])}
            {name === "forMe" && forMe.unread.length > 0 && ` (${forMe.unread.length})`}
          </button>
        ))}
      </div>
      <section id="view" role="tabpanel" aria-labelledby={`tab-${current}`}>
        {openRecord ? (
          details && data.complete ? (
            <details.RecordDetails
              data={data}
              record={openRecord}
              knownKeys={knownKeys}
              today={today}
              onClose={() => setOpenRecord(null)}
              onChange={setUndoable}
              history={<HistoryList entity={openRecord.entity} id={openRecord.id} />}
            />
          ) : (
            <p class="empty" role="status">
              {t("loadingView")}
            </p>
          )
        ) : !loaded ? null : !ready ? (
          <p class="empty" role="status">
            {t("loadingView")}
          </p>
        ) : current === "thisPage" ? (
          <ThisPage
            data={data}
            pageKey={pageKey}
            pageTitle={page.key ? (page.title ?? undefined) : undefined}
            pageUrl={page.key ? page.url : null}
            today={today}
          />
        ) : current === "forMe" ? (
          <ForMe data={data} me={me} forMe={forMe} />
        ) : current === "myWork" ? (
          <MyWork data={data} me={me} today={today} />
        ) : current === "actionItems" ? (
          <>
            <fieldset class="filters">
              <legend class="visually-hidden">{t("filterLabel")}</legend>
              {(["all", "open", "mine"] as const).map((value) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={filter === value}
                  class={filter === value ? "selected" : ""}
                  onClick={() => setFilter(value)}
                >
                  {t(filterLabels[value])}
                </button>
              ))}
            </fieldset>
            <ActionItemList
              items={actionItems}
              emptyText={filter === "mine" ? t("emptyMine") : t("emptyItems")}
              onToggleDone={toggleDone}
            />
          </>
        ) : current === "meetings" ? (
          <Meetings data={data} today={today} knownKeys={knownKeys} />
        ) : current === "risks" ? (
          <Risks data={data} today={today} knownKeys={knownKeys} />
        ) : current === "goals" ? (
          <Goals data={data} today={today} knownKeys={knownKeys} />
        ) : current === "gaps" ? (
          <Gaps data={data} today={today} />
        ) : current === "report" ? (
          <Report data={data} today={today} />
        ) : current === "trash" ? (
          <Trash />
        ) : (
          <Search data={data} />
        )}
      </section>
      <UndoBar undoable={undoable} onGone={() => setUndoable(null)} />
    </main>
  );
  return (
    <OpenRecord.Provider value={open}>
      <TrackerItems.Provider value={trackerItems}>{panel}</TrackerItems.Provider>
    </OpenRecord.Provider>
  );
}
