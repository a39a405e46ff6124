import { cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { Markdown } from "../../../extension/ui/Markdown";

afterEach(cleanup);

describe("notes written in Markdown", () => {
  it("render paragraphs, emphasis, code, lists, quotes and links as elements", () => {
    const { container } = render(
      <Markdown
        source={
          "Legal: please review the **DPA** _terms_ and `clause 7`.\nSecond line.\n\n- one\n- two\n\n1. first\n\n> quoted\n\nSee [the DPA](https://example.com/dpa) or https://example.com/x."
        }
      />,
    );
    const html = container.innerHTML;
    expect(container.querySelector("strong")?.textContent).toBe("DPA");
    expect(container.querySelector("em")?.textContent).toBe("terms");
    expect(container.querySelector("code")?.textContent).toBe("clause 7");
    expect(container.querySelectorAll("p")[0].querySelector("br")).not.toBeNull();
    expect([...container.querySelectorAll("ul li")].map((li) => li.textContent)).toEqual(["one", "two"]);
    expect(container.querySelector("ol li")?.textContent).toBe("first");
    expect(container.querySelector("blockquote")?.textContent).toBe("quoted");
    const links = [...container.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com/dpa", "https://example.com/x"]);
    expect(links.every((a) => a.getAttribute("rel") === "noreferrer noopener" && a.getAttribute("target") === "_blank")).toBe(true);
    expect(html).not.toContain("**");
  });

  it("never turns a note into markup or a script link", () => {
    const { container } = render(
      <Markdown source={'<img src=x onerror="alert(1)"> [click](javascript:alert(1)) <script>alert(2)</script>'} />,
    );
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("a")).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(container.textContent).toContain("[click](javascript:alert(1))");
  });
});
