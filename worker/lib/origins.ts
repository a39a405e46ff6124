// Which browser origins may call the Worker's API: any extension's, and those named in ALLOWED_ORIGINS.
const extensionOrigin = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[a-z0-9-]+$/i;

/** Browser origins that may call the API: any extension's (the token is the gate), plus ALLOWED_ORIGINS. */
export function isAllowedOrigin(origin: string, env: Pick<Env, "ALLOWED_ORIGINS">): boolean {
  const allowed = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  return extensionOrigin.test(origin) || allowed.includes(origin);
}
