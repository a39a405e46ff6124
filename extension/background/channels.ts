// Team chat channels: the options page's admin calls to the API's /v1/channels, with the signed-in member's token.
import type { Replies } from "../common/messages";
import type { channelMessages } from "../common/messages/channels";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { api } from "./sync/api";

export function startChannels(background: Background): Handlers<keyof typeof channelMessages> {
  return {
    "channels.admin": async ({ action }) => {
      const current = await background.session();
      if (!current) throw new Error(t("errorNotConnected"));
      const call = <T>(method: string, path: string, body?: unknown) => api.admin<T>(current.serverUrl, current.token, method, path, body);
      const path = (id: string) => `/v1/channels/${encodeURIComponent(id)}`;
      let reply: Replies["channels.admin"] = {};
      if (action.kind === "create") await call("POST", "/v1/channels", action.channel);
      if (action.kind === "update") await call("PATCH", path(action.id), action.change);
      if (action.kind === "delete") await call("DELETE", path(action.id));
      if (action.kind === "language") await call("PATCH", "/v1/workspace", { language: action.language });
      if (action.kind === "test") reply = await call<Replies["channels.admin"]>("POST", `${path(action.id)}/test`);
      return { ...reply, ...(await call<Replies["channels.admin"]>("GET", "/v1/channels")) };
    },
  };
}
