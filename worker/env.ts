// What every request of the Worker carries: its bindings, and the D1 session, member and workspace the middleware sets.
import type { Member, Workspace } from "../shared/workspace";
import type { Db } from "./db/db";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The request's D1 session: every query goes through it. */
    db: Db;
    /** The same session, for its bookmark (replaced when a write elsewhere must be read after). */
    session: D1DatabaseSession;
    member: Member;
    workspace: Workspace;
    /** The workspace's change counter, and how far back its tombstones still reach (for pulls and ETags). */
    counters: { seq: number; horizon: number };
    tokenHash: string;
    /** The caller's extra browser (worker/db/browsers.ts), or null when they call with the token they joined with. */
    browserId: string | null;
  };
}
