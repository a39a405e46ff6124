// The options page: connect this browser to a workspace (create one, or join with an invite), then sync, admin, trackers and preferences.
import { useState } from "preact/hooks";
import { maxLengths } from "../../shared/limits";
import { commonDepartments } from "../../shared/vocabulary";
import { ask } from "../common/ask";
import { defaultServerUrl } from "../common/session";
import { emptyPanelData, readOptionsData } from "../panel/panel-data";
import { SyncBar } from "../panel/SyncBar";
import { ErrorNote } from "../ui/ErrorNote";
import { t } from "../ui/i18n";
import { roleLabels } from "../ui/labels";
import { NamePicker } from "../ui/NamePicker";
import { useStore } from "../ui/use-store";
import { AdminSection } from "./AdminSection";
import { BrowsersSection } from "./BrowsersSection";
import { CalendarFeedsSection } from "./CalendarFeedsSection";
import { ChannelsSection } from "./ChannelsSection";
import { ForMeSection } from "./ForMeSection";
import { PreferencesSection } from "./PreferencesSection";
import { SelfHostedSection } from "./SelfHostedSection";

/** Connect this browser to a workspace: create one, join with an invite code, or sign in with a code from another of my browsers. */
export function OptionsApp() {
  const { value: data, loaded } = useStore(readOptionsData, emptyPanelData);
  const [serverUrl, setServerUrl] = useState(defaultServerUrl);
  const [name, setName] = useState("");
  const [department, setDepartment] = useState("");
  const [code, setCode] = useState("");
  const [signInCode, setSignInCode] = useState("");
  const [workspaceName, setWorkspaceName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  if (!loaded) return null;
  const session = data.session;

  return (
    <main class="page">
      <h1>{t("optionsTitle")}</h1>
      {session ? (
        <section aria-labelledby="connected">
          <h2 id="connected">{t("connectedTo", session.workspace.name)}</h2>
          <p>{t("youAre", [session.member.name, session.member.department, t(roleLabels[session.member.role])])}</p>
          <p class="muted">{session.serverUrl}</p>
          <SyncBar
            status={data.status}
            live={data.live}
            rejected={data.rejected.length}
            onSync={() => void run(() => ask({ type: "sync.now" }))}
          />
          <AdminSection session={session} data={data} />
          {session.member.role === "admin" && <ChannelsSection departments={data.departments.map((row) => row.data.name)} />}
          <BrowsersSection />
          <CalendarFeedsSection />
          <p>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                if (!data.status?.pending || confirm(t("leaveConfirm"))) void run(() => ask({ type: "workspace.leave" }));
              }}
            >
              {t("leaveWorkspace")}
            </button>
          </p>
        </section>
      ) : (
        <form onSubmit={(e) => e.preventDefault()}>
          <h2>{t("sectionYou")}</h2>
          <div class="field">
            <label for="server-url">{t("labelServerUrl")}</label>
            <input id="server-url" type="url" value={serverUrl} onInput={(e) => setServerUrl(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="your-name">{t("labelYourName")}</label>
            <input
              id="your-name"
              value={name}
              maxLength={maxLengths.person}
              autoComplete="name"
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="department">{t("labelDepartment")}</label>
            <NamePicker
              id="department"
              departments={commonDepartments}
              value={department}
              maxLength={maxLengths.department}
              onInput={(e) => setDepartment(e.currentTarget.value)}
            />
          </div>
          <h2>{t("sectionJoin")}</h2>
          <div class="field">
            <label for="invite-code">{t("labelInviteCode")}</label>
            <input
              id="invite-code"
              value={code}
              maxLength={maxLengths.workspace.inviteCode}
              autoComplete="off"
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => void run(() => ask({ type: "workspace.join", serverUrl, code, name, department }))}
          >
            {t("joinWorkspace")}
          </button>
          <p class="muted">{t("signInHint")}</p>
          <div class="field">
            <label for="sign-in-code">{t("labelSignInCode")}</label>
            <input
              id="sign-in-code"
              value={signInCode}
              maxLength={maxLengths.workspace.inviteCode}
              autoComplete="off"
              onInput={(e) => setSignInCode(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => ask({ type: "workspace.signInWithCode", serverUrl, code: signInCode }))}
          >
            {t("signInThisBrowser")}
          </button>
          <h2>{t("sectionCreate")}</h2>
          <div class="field">
            <label for="workspace-name">{t("labelWorkspaceName")}</label>
            <input
              id="workspace-name"
              value={workspaceName}
              maxLength={maxLengths.workspace.name}
              onInput={(e) => setWorkspaceName(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => ask({ type: "workspace.create", serverUrl, name: workspaceName, member: { name, department } }))}
          >
            {t("createWorkspace")}
          </button>
        </form>
      )}
      <SelfHostedSection />
      <PreferencesSection />
      <ForMeSection />
      {busy && <p role="status">{t("working")}</p>}
      <ErrorNote error={error} />
    </main>
  );
}
