// Any other page: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [["https://Docs.example.com/a/b?utm_source=x#frag", "url:https://docs.example.com/a/b"]],
  notItems: [],
  pages: [],
};
