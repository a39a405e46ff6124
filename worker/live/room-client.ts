// How the rest of the Worker reaches a workspace's room (worker/live/workspace-room.ts) without importing it.

/** The room of a workspace. */
export function roomOf(env: Env, workspaceId: string) {
  return env.WORKSPACE_ROOMS.get(env.WORKSPACE_ROOMS.idFromName(workspaceId));
}

/**
 * Tells the workspace's members that its changes reach `cursor`. Best effort: a missed message
 * only delays teammates until their next pull, so a failure is logged, not raised.
 */
export async function announceCursor(env: Env, workspaceId: string, cursor: number): Promise<void> {
  try {
    await roomOf(env, workspaceId).announce(cursor);
  } catch (error) {
    console.error("liaison: live announce failed", error);
  }
}

/**
 * Closes the live sockets opened with a token since replaced or revoked. That already took
 * effect, so a failure here is logged; the old sockets then only hear cursor numbers, never data.
 */
export async function closeTokenSockets(
  env: Env,
  workspaceId: string,
  tokenHash: string,
  reason: "token replaced" | "browser signed out",
): Promise<void> {
  try {
    await roomOf(env, workspaceId).closeToken(tokenHash, reason);
  } catch (error) {
    console.error("liaison: closing the live sockets of a replaced token failed", error);
  }
}

/** Closes a removed member's live sockets; the removal itself already took effect, so this only logs on failure. */
export async function disconnectMember(env: Env, workspaceId: string, memberId: string): Promise<void> {
  try {
    await roomOf(env, workspaceId).disconnect(memberId);
  } catch (error) {
    console.error("liaison: closing a removed member's live sockets failed", error);
  }
}

/** Tells a member's own browsers that their read marks changed (they fetch them); best effort, like a cursor. */
export async function tellMemberRead(env: Env, workspaceId: string, memberId: string): Promise<void> {
  try {
    await roomOf(env, workspaceId).tellRead(memberId);
  } catch (error) {
    console.error("liaison: telling a member's browsers of new read marks failed", error);
  }
}
