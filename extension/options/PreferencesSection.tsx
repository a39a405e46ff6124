// The options page's preferences: the interface language, the due-day notification and the weekday leads are reminded to check in.
import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { getKv, openStore, setKv } from "../store/db";
import { announceChange } from "../store/local-rows";
import { t, uiLanguages, uiLocale } from "../ui/i18n";
import { useStore } from "../ui/use-store";

const languageNames: Record<string, string> = { en: "English", zh_CN: "简体中文" };

/** Language (the browser's, or one chosen here) and the due-day notification. */
export function PreferencesSection() {
  const { value: notifyDue } = useStore(async (db) => (await getKv(db, "notifyDue")) !== false, true);
  const { value: checkinWeekday } = useStore(async (db) => (await getKv(db, "checkinWeekday")) ?? 4, 4);
  const [language, setLanguage] = useState("auto");
  useEffect(() => {
    browser.storage.local.get("uiLanguage").then((stored) => setLanguage(String(stored.uiLanguage ?? "auto")));
  }, []);
  return (
    <section aria-labelledby="preferences">
      <h2 id="preferences">{t("sectionPreferences")}</h2>
      <div class="field">
        <label for="ui-language">{t("labelLanguage")}</label>
        <select
          id="ui-language"
          value={language}
          onChange={async (e) => {
            const value = e.currentTarget.value;
            if (value === "auto") await browser.storage.local.remove("uiLanguage");
            else await browser.storage.local.set({ uiLanguage: value });
            // Every page picks the language up when it loads: start with this one.
            location.reload();
          }}
        >
          <option value="auto">{t("languageAuto")}</option>
          {uiLanguages.map((code) => (
            <option key={code} value={code} lang={code.replace("_", "-")}>
              {languageNames[code]}
            </option>
          ))}
        </select>
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={notifyDue}
          onChange={async (e) => {
            await setKv(await openStore(), "notifyDue", e.currentTarget.checked);
            announceChange("state");
          }}
        />{" "}
        {t("labelNotifyDue")}
      </label>
      <div class="field">
        <label for="checkin-weekday">{t("labelCheckinDay")}</label>
        <select
          id="checkin-weekday"
          value={String(checkinWeekday)}
          onChange={async (e) => {
            await setKv(await openStore(), "checkinWeekday", Number(e.currentTarget.value));
            announceChange("state");
          }}
        >
          {[0, 1, 2, 3, 4, 5, 6].map((day) => (
            <option key={day} value={String(day)}>
              {new Intl.DateTimeFormat(uiLocale(), { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 0, 5 + day)))}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
