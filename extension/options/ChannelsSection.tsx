// The options page's "Channels" section (admins): team chat bots and webhooks, what each is sent, its last failure and pause, and the workspace's language.
import { useEffect, useState } from "preact/hooks";
import {
  type Channel,
  type ChannelAnswer,
  type ChannelEventKind,
  type ChannelPlatform,
  channelEventKinds,
  channelPlatforms,
  type WorkspaceLanguage,
  workspaceLanguages,
} from "../../shared/channels";
import { maxLengths } from "../../shared/limits";
import { ask } from "../common/ask";
import type { PageMessage } from "../common/messages";
import { ErrorNote } from "../ui/ErrorNote";
import { formatDay, t, uiLocale } from "../ui/i18n";
import { channelEventLabels, channelFailureLabels, channelPlatformLabels, workspaceLanguageLabels } from "../ui/labels";

type ChannelAction = Extract<PageMessage, { type: "channels.admin" }>["action"];

const hoursInWeek = 7 * 24;
/** This computer's offset from UTC, in whole hours: the weekly report's time is stored in UTC and shown in local time. */
const offsetHours = () => Math.round(-new Date().getTimezoneOffset() / 60);
const shift = (weekday: number, hour: number, by: number) => {
  const at = (((weekday * 24 + hour + by) % hoursInWeek) + hoursInWeek) % hoursInWeek;
  return { weekday: Math.floor(at / 24), hour: at % 24 };
};
const toLocal = (utc: { weekday: number; hour: number }) => shift(utc.weekday, utc.hour, offsetHours());
const toUtc = (local: { weekday: number; hour: number }) => shift(local.weekday, local.hour, -offsetHours());

/** A weekday's name in the reader's language (0 is Sunday). */
const weekdayName = (weekday: number) =>
  new Intl.DateTimeFormat(uiLocale(), { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 0, 4 + weekday)));

/** A receiver's answer in the reader's language: the platform's name, the HTTP status and the platform's error code. */
function answerText(answer: ChannelAnswer): string {
  const platform = t(channelPlatformLabels[answer.platform]);
  const said = answer.kind
    ? t(channelFailureLabels[answer.kind], [platform, String(answer.status)])
    : t("channelTestAnswer", [platform, String(answer.status)]);
  return answer.code ? t("channelFailureCode", [said, answer.code]) : said;
}

const when = (iso: string) => `${formatDay(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;

interface Draft {
  name: string;
  platform: ChannelPlatform;
  /** A new address; empty when editing keeps the saved one (which the API never gives back). */
  url: string;
  secret: string;
  removeSecret: boolean;
  departments: string[];
  events: ChannelEventKind[];
  /** In local time; null for no weekly report. */
  weekly: { weekday: number; hour: number } | null;
}

const emptyDraft: Draft = {
  name: "",
  platform: "feishu",
  url: "",
  secret: "",
  removeSecret: false,
  departments: [],
  events: [],
  weekly: null,
};

const draftOf = (channel: Channel): Draft => ({
  name: channel.name,
  platform: channel.platform,
  url: "",
  secret: "",
  removeSecret: false,
  departments: channel.departments,
  events: channel.events,
  weekly: channel.weekly && toLocal(channel.weekly),
});

const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

/** Admins' channels: each with what it is sent, its last failure or pause, and Test, Edit, Delete; a form to add or edit one. */
export function ChannelsSection({ departments }: { departments: string[] }) {
  const [channels, setChannels] = useState<Channel[]>([]);
  const [language, setLanguage] = useState<WorkspaceLanguage>("en");
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft; hasSecret: boolean; saved: Channel | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = (action: ChannelAction, after?: () => void) => {
    setError(null);
    setNotice(null);
    ask({ type: "channels.admin", action })
      .then((reply) => {
        if (reply.channels) setChannels(reply.channels);
        if (reply.language) setLanguage(reply.language);
        if (reply.result) {
          const said = answerText(reply.result);
          setNotice(reply.result.ok ? t("channelTestSent", said) : t("channelTestFailed", said));
        }
        after?.();
      })
      .catch((failure: Error) => setError(failure.message));
  };
  useEffect(() => run({ kind: "list" }), []);

  const save = () => {
    if (!editing) return;
    const { draft, id } = editing;
    const fields = {
      name: draft.name,
      platform: draft.platform,
      departments: draft.departments,
      events: draft.events,
      weekly: draft.weekly && toUtc(draft.weekly),
      ...(draft.secret ? { secret: draft.secret } : draft.removeSecret ? { secret: "" } : {}),
    };
    // An address goes only when typed: sending one replaces the saved address and resumes a paused channel.
    const url = draft.url.trim();
    run(id ? { kind: "update", id, change: url ? { ...fields, url } : fields } : { kind: "create", channel: { ...fields, url } }, () =>
      setEditing(null),
    );
  };
  const edit = (change: Partial<Draft>) => setEditing((current) => current && { ...current, draft: { ...current.draft, ...change } });
  const draft = editing?.draft;
  const choices = [...new Set([...departments, ...(draft?.departments ?? [])])];

  return (
    <section aria-labelledby="channels">
      <h2 id="channels">{t("channelsTitle")}</h2>
      <p class="muted">{t("channelsHelp")}</p>
      <div class="field">
        <label for="channels-language">{t("channelsLanguage")}</label>
        <select
          id="channels-language"
          value={language}
          onChange={(e) => run({ kind: "language", language: e.currentTarget.value as WorkspaceLanguage })}
        >
          {workspaceLanguages.map((value) => (
            <option key={value} value={value}>
              {t(workspaceLanguageLabels[value])}
            </option>
          ))}
        </select>
      </div>
      {channels.length === 0 && <p class="muted">{t("channelsNone")}</p>}
      <ul class="channels">
        {channels.map((channel) => (
          <li key={channel.id} data-channel-id={channel.id}>
            <strong>{channel.name}</strong> · {t(channelPlatformLabels[channel.platform])}
            <br />
            <span class="muted">
              {channel.departments.length > 0 ? channel.departments.join(", ") : t("channelAllDepartments")} ·{" "}
              {channel.events.length > 0 ? channel.events.map((kind) => t(channelEventLabels[kind])).join(", ") : t("channelAllEvents")}
              {channel.weekly &&
                ` · ${t("channelWeeklyAt", [weekdayName(toLocal(channel.weekly).weekday), String(toLocal(channel.weekly).hour).padStart(2, "0")])}`}
            </span>
            {channel.lastDeliveredAt && (
              <>
                <br />
                <span class="muted">{t("channelLastDelivered", when(channel.lastDeliveredAt))}</span>
              </>
            )}
            {channel.lastFailure && (
              <p class="error" data-channel-failure>
                {t("channelLastFailure", [answerText(channel.lastFailure), when(channel.lastFailure.at)])}
              </p>
            )}
            {channel.pausedAt && (
              <p class="error" role="status" data-channel-paused>
                {t("channelPaused", when(channel.pausedAt))}{" "}
                <button type="button" onClick={() => run({ kind: "update", id: channel.id, change: { paused: false } })}>
                  {t("channelResume")}
                </button>
              </p>
            )}
            <button type="button" class="link" onClick={() => run({ kind: "test", id: channel.id })}>
              {t("channelTest")}
            </button>
            <button
              type="button"
              class="link"
              onClick={() => setEditing({ id: channel.id, draft: draftOf(channel), hasSecret: channel.hasSecret, saved: channel })}
            >
              {t("channelEdit")}
            </button>
            <button
              type="button"
              class="link"
              onClick={() => confirm(t("channelDeleteConfirm", channel.name)) && run({ kind: "delete", id: channel.id })}
            >
              {t("channelDelete")}
            </button>
          </li>
        ))}
      </ul>
      {draft ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div class="field">
            <label for="channel-name">{t("channelName")}</label>
            <input
              id="channel-name"
              value={draft.name}
              maxLength={maxLengths.channel.name}
              onInput={(e) => edit({ name: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="channel-platform">{t("channelPlatform")}</label>
            <select
              id="channel-platform"
              value={draft.platform}
              onChange={(e) => edit({ platform: e.currentTarget.value as ChannelPlatform })}
            >
              {channelPlatforms.map((platform) => (
                <option key={platform} value={platform}>
                  {t(channelPlatformLabels[platform])}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="channel-url">{t("channelUrl")}</label>
            <input
              id="channel-url"
              type="url"
              value={draft.url}
              maxLength={maxLengths.channel.url}
              onInput={(e) => edit({ url: e.currentTarget.value })}
            />
            {editing?.saved?.hasUrl && (
              <p class="muted" data-channel-url>
                {t("channelUrlKept", [editing.saved.url, editing.saved.urlHint])}
              </p>
            )}
          </div>
          {draft.platform !== "wecom" && draft.platform !== "slack" && (
            <div class="field">
              <label for="channel-secret">{t("channelSecret")}</label>
              <input
                id="channel-secret"
                type="password"
                autoComplete="off"
                value={draft.secret}
                maxLength={maxLengths.channel.secret}
                onInput={(e) => edit({ secret: e.currentTarget.value })}
              />
              {editing?.hasSecret && (
                <p class="muted">
                  {t("channelSecretKept")}{" "}
                  <label>
                    <input type="checkbox" checked={draft.removeSecret} onChange={() => edit({ removeSecret: !draft.removeSecret })} />{" "}
                    {t("channelSecretRemove")}
                  </label>
                </p>
              )}
            </div>
          )}
          <fieldset>
            <legend>{t("channelDepartments")}</legend>
            {choices.map((department) => (
              <label key={department} class="check">
                <input
                  type="checkbox"
                  checked={draft.departments.includes(department)}
                  onChange={() => edit({ departments: toggle(draft.departments, department) })}
                />{" "}
                {department}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("channelEvents")}</legend>
            {channelEventKinds.map((kind) => (
              <label key={kind} class="check">
                <input
                  type="checkbox"
                  checked={draft.events.includes(kind)}
                  onChange={() => edit({ events: toggle(draft.events, kind) })}
                />{" "}
                {t(channelEventLabels[kind])}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="channel-weekday">{t("channelWeekly")}</label>
            <select
              id="channel-weekday"
              value={draft.weekly ? String(draft.weekly.weekday) : ""}
              onChange={(e) =>
                edit({
                  weekly: e.currentTarget.value === "" ? null : { weekday: Number(e.currentTarget.value), hour: draft.weekly?.hour ?? 9 },
                })
              }
            >
              <option value="">{t("channelWeeklyOff")}</option>
              {[1, 2, 3, 4, 5, 6, 0].map((weekday) => (
                <option key={weekday} value={String(weekday)}>
                  {weekdayName(weekday)}
                </option>
              ))}
            </select>
            {draft.weekly && (
              <select
                aria-label={t("channelWeekly")}
                value={String(draft.weekly.hour)}
                onChange={(e) => edit({ weekly: { weekday: draft.weekly?.weekday ?? 1, hour: Number(e.currentTarget.value) } })}
              >
                {Array.from({ length: 24 }, (_, hour) => (
                  <option key={hour} value={String(hour)}>{`${String(hour).padStart(2, "0")}:00`}</option>
                ))}
              </select>
            )}
          </div>
          <button type="submit" class="primary">
            {t("channelSave")}
          </button>{" "}
          <button type="button" onClick={() => setEditing(null)}>
            {t("channelCancel")}
          </button>
        </form>
      ) : (
        <p>
          <button type="button" onClick={() => setEditing({ id: null, draft: emptyDraft, hasSecret: false, saved: null })}>
            {t("channelAdd")}
          </button>
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <ErrorNote error={error} />
    </section>
  );
}
