// The errors a route raises for the caller to act on, sent as the API's one error envelope.
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A failure the caller can act on; turned into the one error envelope by the app's onError. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

/** Display names are unique in a workspace, regardless of case and spaces: nobody can pass for a teammate. */
export const nameTaken = () =>
  new ApiError(409, "name_taken", "Someone in this workspace already goes by this name; choose another (case and spaces do not count)");
