// A record's past, asked of the server with the member's token (the panel never calls the API itself): the trash, a record's history, the exports.
import type { recordMessages } from "../common/messages/records";
import { offlineError } from "../common/offline";
import { t } from "../ui/i18n";
import type { Background, Handlers } from "./context";
import { ApiFailure, api } from "./sync/api";

/** Runs a call to the server; a server it cannot reach is told apart from one that answered no. */
async function fromServer<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 0) throw new Error(offlineError);
    throw error;
  }
}

export function startRecords(background: Background): Handlers<keyof typeof recordMessages> {
  /** The signed-in session, for the calls that need one. */
  async function signedIn() {
    const current = await background.session();
    if (!current || current.revokedAt) throw new Error(t("errorNotConnected"));
    return current;
  }

  return {
    "trash.list": async () => {
      const { serverUrl, token } = await signedIn();
      return { items: (await fromServer(() => api.trash(serverUrl, token))).items };
    },
    "history.get": async (message) => {
      const { serverUrl, token } = await signedIn();
      return { entries: (await fromServer(() => api.history(serverUrl, token, message.entity, message.id))).entries };
    },
    "export.fetch": async (message) => {
      const { serverUrl, token } = await signedIn();
      return fromServer(() => api.exportFile(serverUrl, token, message.file));
    },
  };
}
