// Calendar feeds: my secret feed addresses, made, listed and revoked through the API with this browser's token.
import type { calendarMessages } from "../common/messages/calendar";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { api } from "./sync/api";

export function startCalendar(background: Background): Handlers<keyof typeof calendarMessages> {
  async function signedIn() {
    const current = await background.session();
    if (!current) throw new Error(t("errorNotConnected"));
    return current;
  }
  return {
    "calendarFeed.create": async () => {
      const { serverUrl, token } = await signedIn();
      return api.createCalendarFeed(serverUrl, token);
    },
    "calendarFeed.list": async () => {
      const { serverUrl, token } = await signedIn();
      return api.calendarFeeds(serverUrl, token);
    },
    "calendarFeed.revoke": async (message) => {
      const { serverUrl, token } = await signedIn();
      await api.revokeCalendarFeed(serverUrl, token, message.id);
      return {};
    },
  };
}
