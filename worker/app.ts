// The Worker's HTTP app: CORS, body limits, a D1 session per request, every route, and the one error envelope.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorBody } from "../shared/workspace";
import type { AppEnv } from "./env";
import { ApiError } from "./lib/errors";
import { isAllowedOrigin } from "./lib/origins";
import { d1Session } from "./middleware/session";
import { browsers } from "./routes/browsers";
import { calendar, calendarFeeds } from "./routes/calendar-feeds";
import { channels } from "./routes/channels";
import { exports } from "./routes/exports";
import { invites, join } from "./routes/invites";
import { live } from "./routes/live";
import { me, members } from "./routes/members";
import { sync } from "./routes/sync";
import { history, trash } from "./routes/trash";
import { w3c } from "./routes/w3c";
import { workspace, workspaces } from "./routes/workspaces";

const maxBodyBytes = 256 * 1024;

const errorBody = (code: string, message: string, details?: unknown): ApiErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const corsPolicy = cors({
  origin: (origin, c) => (isAllowedOrigin(origin, c.env) ? origin : null),
  allowHeaders: ["Authorization", "Content-Type", "If-Match", "If-None-Match", "Prefer", "X-D1-Bookmark"],
  allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
  exposeHeaders: [
    "ETag",
    "Location",
    "Retry-After",
    "X-D1-Bookmark",
    "Server-Timing",
    "Link",
    "Allow",
    "Accept-Post",
    "Preference-Applied",
    "Content-Disposition",
    "Content-Location",
  ],
  maxAge: 600,
});

const bodyLimitPolicy = bodyLimit({
  maxSize: maxBodyBytes,
  onError: (c) => c.json(errorBody("payload_too_large", `Request bodies are limited to ${maxBodyBytes / 1024} KB`), 413),
});

export const app = new Hono<AppEnv>()
  // A CORS preflight carries Access-Control-Request-Method; a plain OPTIONS (the Web Annotation
  // Protocol's discovery of Allow and Accept-Post) goes on to the routes.
  .use((c, next) => (c.req.method === "OPTIONS" && !c.req.header("Access-Control-Request-Method") ? next() : corsPolicy(c, next)))
  .use("/v1/*", bodyLimitPolicy)
  .use("/v1/*", d1Session)
  .use("/w3c/*", bodyLimitPolicy)
  .use("/w3c/*", d1Session)
  .get("/health", (c) => c.json({ ok: true }))
  .route("/v1/workspaces", workspaces)
  .route("/v1/workspace", workspace)
  .route("/v1/invites", invites)
  .route("/v1/join", join)
  .route("/v1/browsers", browsers)
  .route("/v1/me", me)
  .route("/v1/members", members)
  .route("/v1/sync", sync)
  .route("/v1/trash", trash)
  .route("/v1/history", history)
  .route("/v1/live", live)
  .route("/v1/export", exports)
  .route("/v1/calendar-feeds", calendarFeeds)
  .route("/v1/calendar", calendar)
  .route("/v1/channels", channels)
  .route("/w3c/annotations/", w3c)
  .notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404))
  .onError((error, c) => {
    if (error instanceof ApiError) {
      const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
      if (error.status === 429 && retryAfter) c.header("Retry-After", String(retryAfter));
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const code = status === 400 ? "invalid_request" : status === 413 ? "payload_too_large" : "http_error";
      return c.json(errorBody(code, error.message || "Request failed"), status);
    }
    console.error("liaison: unhandled error", error);
    return c.json(errorBody("internal", "Something went wrong on the server"), 500);
  });
