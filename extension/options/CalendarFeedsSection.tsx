// "Calendar feed": make a secret address my calendar app subscribes to (my due dates, reviews, decisions to make, meetings), copy it, revoke it.
import { useEffect, useState } from "preact/hooks";
import type { CalendarFeed } from "../../shared/calendar-feeds";
import { ask } from "../common/ask";
import { ErrorNote } from "../ui/ErrorNote";
import { formatDay, t } from "../ui/i18n";

/** My calendar feeds: a new one's address shown once with Copy, and each feed with Revoke. */
export function CalendarFeedsSection() {
  const [feeds, setFeeds] = useState<CalendarFeed[]>([]);
  const [made, setMade] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    ask({ type: "calendarFeed.list" })
      .then((reply) => setFeeds(reply.feeds))
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => void load(), []);

  const run = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((failure: Error) => setError(failure.message));
  };

  return (
    <section aria-labelledby="calendar-feeds">
      <h2 id="calendar-feeds">{t("calendarFeedsTitle")}</h2>
      <p class="muted">{t("calendarFeedsHelp")}</p>
      <p>
        <button
          type="button"
          onClick={() =>
            run(async () => {
              const reply = await ask({ type: "calendarFeed.create" });
              setMade({ id: reply.feed.id, url: reply.url });
              setCopied(false);
              await load();
            })
          }
        >
          {t("makeCalendarFeed")}
        </button>
      </p>
      {made && (
        <div class="invite" role="status">
          <p>{t("calendarFeedReady")}</p>
          <label>
            {t("calendarFeedUrl")}
            <input readOnly value={made.url} size={60} onFocus={(event) => event.currentTarget.select()} />
          </label>{" "}
          <button
            type="button"
            onClick={() =>
              navigator.clipboard
                .writeText(made.url)
                .then(() => setCopied(true))
                .catch((failure: Error) => setError(failure.message))
            }
          >
            {t("copyCalendarFeed")}
          </button>
          {copied && <span> {t("copied")}</span>}
        </div>
      )}
      {feeds.length === 0 ? (
        <p class="muted">{t("calendarFeedNone")}</p>
      ) : (
        <ul class="browsers">
          {feeds.map((feed) => (
            <li key={feed.id} data-calendar-feed-id={feed.id}>
              {t("calendarFeedMade", formatDay(feed.createdAt.slice(0, 10)))}{" "}
              <button
                type="button"
                class="link"
                onClick={() =>
                  confirm(t("revokeCalendarFeedConfirm")) &&
                  run(async () => {
                    await ask({ type: "calendarFeed.revoke", id: feed.id });
                    if (made?.id === feed.id) setMade(null);
                    await load();
                  })
                }
              >
                {t("revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
