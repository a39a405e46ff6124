// The options page's workspace section: members and roles, invites, departments and their leads, the workspace's name and my token.
import { useEffect, useState } from "preact/hooks";
import { maxLengths } from "../../shared/limits";
import type { Invite, Member } from "../../shared/workspace";
import { ask } from "../common/ask";
import type { PublicSession } from "../common/session";
import { remove, save } from "../panel/mutate";
import type { OptionsData } from "../panel/panel-data";
import { ErrorNote } from "../ui/ErrorNote";
import { useFormState } from "../ui/form-state";
import { formatDay, t } from "../ui/i18n";

/**
 * Running the workspace: members and their roles, invites, departments and their leads (who
 * are reminded to check in), the workspace's name. Admins change them; everyone sees them and
 * can replace their own token.
 */
export function AdminSection({ session, data }: { session: PublicSession; data: Pick<OptionsData, "members" | "departments"> }) {
  const admin = session.member.role === "admin";
  const [invites, setInvites] = useState<Invite[]>([]);
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null);
  const [rename, setRename] = useState(session.workspace.name);
  const [department, setDepartmentField, setDepartment] = useFormState({ name: "", leadId: "" });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = (work: () => Promise<unknown>, message?: string) => {
    setError(null);
    setDone(null);
    work()
      .then(() => message && setDone(message))
      .catch((e: Error) => setError(e.message));
  };
  const loadInvites = () =>
    ask({ type: "workspace.admin", action: { kind: "invites.list" } })
      .then((reply) => setInvites(reply.invites ?? []))
      .catch(() => {});
  useEffect(() => {
    if (admin) void loadInvites();
  }, [admin]);

  const nameOf = (id: string | null) => data.members.find((m) => m.id === id)?.name ?? "—";
  const memberActions = (member: Member) =>
    admin && (
      <>
        {" "}
        <button
          type="button"
          class="link"
          onClick={() =>
            run(() =>
              ask({
                type: "workspace.admin",
                action: { kind: "members.role", id: member.id, role: member.role === "admin" ? "member" : "admin" },
              }),
            )
          }
        >
          {member.role === "admin" ? t("makeMember") : t("makeAdmin")}
        </button>
        {member.id !== session.member.id && (
          <button
            type="button"
            class="link"
            onClick={() =>
              confirm(t("removeMemberConfirm", member.name)) &&
              run(() => ask({ type: "workspace.admin", action: { kind: "members.remove", id: member.id } }))
            }
          >
            {t("remove")}
          </button>
        )}
      </>
    );

  return (
    <>
      <h2>{t("membersTitle")}</h2>
      <ul class="members">
        {data.members.map((member) => (
          <li key={member.id} data-member-id={member.id}>
            {member.name} · {member.department}
            {member.role === "admin" ? ` · ${t("role_admin")}` : ""}
            {memberActions(member)}
          </li>
        ))}
      </ul>
      {admin && (
        <>
          <h2>{t("invitesTitle")}</h2>
          <p>
            <button
              type="button"
              onClick={() =>
                run(async () => {
                  setInvite(await ask({ type: "invite.create" }));
                  await loadInvites();
                })
              }
            >
              {t("createInvite")}
            </button>
          </p>
          {invite && (
            <p class="invite" role="status">
              {t("inviteReady", [invite.code, formatDay(invite.expiresAt.slice(0, 10))])} <code data-invite-code>{invite.code}</code>
            </p>
          )}
          <ul class="invites">
            {invites.map((i) => (
              <li key={i.id}>
                {t("inviteLine", [
                  formatDay(i.createdAt.slice(0, 10)),
                  nameOf(i.createdBy),
                  String(i.uses),
                  String(i.maxUses),
                  formatDay(i.expiresAt.slice(0, 10)),
                ])}
                {i.revokedAt ? (
                  ` · ${t("inviteRevoked")}`
                ) : (
                  <>
                    {" "}
                    <button
                      type="button"
                      class="link"
                      onClick={() =>
                        run(async () => {
                          await ask({ type: "workspace.admin", action: { kind: "invites.revoke", id: i.id } });
                          await loadInvites();
                        })
                      }
                    >
                      {t("revoke")}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
          <h2>{t("workspaceTitle")}</h2>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              run(() => ask({ type: "workspace.admin", action: { kind: "workspace.rename", name: rename } }), t("saved"));
            }}
          >
            <label>
              {t("labelWorkspaceName")}
              <input required maxLength={maxLengths.workspace.name} value={rename} onInput={(e) => setRename(e.currentTarget.value)} />
            </label>
            <button type="submit">{t("rename")}</button>
          </form>
        </>
      )}
      <h2>{t("departmentsTitle")}</h2>
      <ul class="departments">
        {data.departments.map((d) => (
          <li key={d.id}>
            {d.data.name} · {t("departmentLead")}: {d.data.lead ?? "—"}
            {admin && (
              <>
                {" "}
                <button type="button" class="link" onClick={() => run(() => remove("department", d.id))}>
                  {t("remove")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {admin && (
        <form
          class="inline-form"
          aria-label={t("addDepartment")}
          onSubmit={(e) => {
            e.preventDefault();
            const lead = data.members.find((m) => m.id === department.leadId) ?? null;
            run(async () => {
              await save("department", { name: department.name, lead: lead?.name ?? null, leadId: lead?.id ?? null });
              setDepartment({ name: "", leadId: "" });
            });
          }}
        >
          <label>
            {t("fieldDepartment")}
            <input required maxLength={maxLengths.department} value={department.name} onInput={setDepartmentField("name")} />
          </label>
          <label>
            {t("departmentLead")}
            <select value={department.leadId} onChange={setDepartmentField("leadId")}>
              <option value="">—</option>
              {data.members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("addDepartment")}</button>
        </form>
      )}
      <p>
        <button
          type="button"
          onClick={() =>
            confirm(t("rotateConfirm")) && run(() => ask({ type: "workspace.admin", action: { kind: "token.rotate" } }), t("tokenRotated"))
          }
        >
          {t("rotateToken")}
        </button>
      </p>
      {done && <p role="status">{done}</p>}
      <ErrorNote error={error} />
    </>
  );
}
