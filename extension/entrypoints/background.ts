// The extension's service worker, as WXT builds it: starts the background.
import { defineBackground } from "wxt/utils/define-background";
import { startBackground } from "../background/start";

export default defineBackground(() => startBackground());
