// The options page's "For me" notifications: one switch per kind of entry (each on until turned off).
import { forMeKinds } from "../../shared/for-me";
import { getKv, openStore, setKv } from "../store/db";
import { announceChange } from "../store/local-rows";
import { t } from "../ui/i18n";
import { forMeKindLabels } from "../ui/labels";
import { useStore } from "../ui/use-store";

/** Which kinds of new "For me" entries this browser notifies. */
export function ForMeSection() {
  const { value: switches } = useStore(async (db) => (await getKv(db, "forMeNotify")) ?? {}, {});
  return (
    <section aria-labelledby="for-me-notify">
      <h2 id="for-me-notify">{t("sectionForMeNotify")}</h2>
      {forMeKinds.map((kind) => (
        <label key={kind} class="checkbox">
          <input
            type="checkbox"
            checked={switches[kind] !== false}
            onChange={async (e) => {
              const db = await openStore();
              const current = (await getKv(db, "forMeNotify")) ?? {};
              await setKv(db, "forMeNotify", { ...current, [kind]: e.currentTarget.checked });
              announceChange("state");
            }}
          />{" "}
          {t(forMeKindLabels[kind])}
        </label>
      ))}
    </section>
  );
}
