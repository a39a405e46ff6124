import type { Member, Workspace } from "../shared/workspace";

export interface AppEnv {
  Bindings: Env;
  Variables: { member: Member; workspace: Workspace };
}
