// The one answer the background gives when a request to the server could not reach it, so that pages can say "offline" rather than show an error.

/** The background's error for a server it cannot reach (no network, or the server down). */
export const offlineError = "offline: the server cannot be reached";

/** Whether a failed request failed for want of the server, not for a reason the server gave. */
export const isOffline = (error: unknown): boolean =>
  (error instanceof Error && error.message === offlineError) || (typeof navigator !== "undefined" && navigator.onLine === false);
