// Constants the build writes into the extension's code (wxt.config.ts, vitest.unit.config.ts).

/** Shadow roots of the in-page UI are open (black-box tests) instead of closed (what users get). */
declare const __LIAISON_OPEN_SHADOW_ROOTS__: boolean;
