import type { Member, Workspace } from "../shared/workspace";
import type { Db } from "./db/db";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The request's D1 session: every query goes through it. */
    db: Db;
    member: Member;
    workspace: Workspace & { seq: number; horizon: number };
    tokenHash: string;
  };
}
