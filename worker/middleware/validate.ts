import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { describeIssues } from "../../shared/entities";
import { ApiError } from "../lib/errors";

/** zod validation whose failures become the one error envelope (400 invalid_request). */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new ApiError(400, "invalid_request", describeIssues(result.error as never), {
        issues: (result.error as { issues: unknown[] }).issues.slice(0, 20),
      });
    }
  });
