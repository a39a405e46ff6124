// Google Docs documents: real URLs and saved pages, for the tests only.
import type { SiteExamples } from "../site-examples";

export const examples: SiteExamples = {
  items: [
    [
      "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
      "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    ],
    [
      "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0",
      "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    ],
    [
      "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0#heading=h.x",
      "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    ],
    [
      "https://docs.google.com/document/u/1/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
      "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    ],
    [
      "https://docs.google.com/document/u/1/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit#heading=h.x",
      "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
    ],
  ],
  notItems: [
    "https://docs.google.com/document/u/0/",
    "https://docs.google.com/document/d/e/2PACX-1vRaBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789/pub",
    "https://docs.google.com/spreadsheets/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit",
  ],
  pages: [
    {
      itemUrl: "https://docs.google.com/document/d/1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh/edit?tab=t.0",
      itemFixture: "gdocs/document.html",
      itemKey: "gdocs:1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEfGh",
      anchored: true,
      listUrl: "https://docs.google.com/document/u/1/d/1zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210zyxwVuTs/edit?tab=t.1#heading=h.4k2j9",
      listFixture: "gdocs/second-document.html",
      listKeys: [],
      listItemKey: "gdocs:1zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210zyxwVuTs",
    },
  ],
};
