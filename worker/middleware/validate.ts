// Validates request bodies and queries with zod, refusing what does not fit with the API's one error envelope.
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { describeIssues } from "../../shared/entities";
import { ApiError } from "../lib/errors";

const jsonMediaType = /^application\/([\w.-]+\+)?json$/i;

/**
 * True when an object anywhere in a parsed JSON value has its own `__proto__` key. Copying such
 * an object (as a zod record does) drops the key or swaps the copy's prototype, so it would be
 * neither refused nor kept. Walks without recursion: the nesting depth is the sender's choice.
 */
export function hasProtoKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== "object") continue;
    if (!Array.isArray(next) && Object.hasOwn(next, "__proto__")) return true;
    for (const child of Object.values(next)) pending.push(child);
  }
  return false;
}

/**
 * zod validation whose failures become the one error envelope (400 invalid_request). A JSON body
 * must be sent as JSON (415 otherwise): any other content type would be validated as `{}`, which
 * some requests accept, silently dropping what was sent.
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, async (result, c) => {
    if (target === "json") {
      const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0].trim();
      if (!jsonMediaType.test(mediaType)) {
        throw new ApiError(415, "unsupported_media_type", "Send the body as JSON, with Content-Type: application/json");
      }
      if (hasProtoKey(await c.req.json())) throw new ApiError(400, "invalid_request", "Keys named __proto__ are not allowed");
    }
    if (!result.success) {
      throw new ApiError(400, "invalid_request", describeIssues(result.error as never), {
        issues: (result.error as { issues: unknown[] }).issues.slice(0, 20),
      });
    }
  });
