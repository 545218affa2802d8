import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "./pager";

const render = (props: Parameters<typeof Pager>[0]) => renderToStaticMarkup(createElement(Pager, props));

describe("Pager", () => {
  it("shows nothing when everything fits on one page", () => {
    expect(render({ label: "Pages", page: 1, hasNext: false, onPage: () => {} })).toBe("");
    expect(render({ label: "Activity pages", page: 1, hasNext: false, href: (p) => `?page=${p}` })).toBe("");
  });

  it("links to the pages on either side, with the page in between", () => {
    const html = render({
      label: "Activity pages",
      page: 2,
      hasNext: true,
      previousLabel: "Newer",
      nextLabel: "Older",
      href: (p) => `?page=${p}`,
    });
    expect(html).toContain('aria-label="Activity pages"');
    expect(html).toMatch(/<a [^>]*href="\?page=1"[^>]*>Newer<\/a>/);
    expect(html).toContain(">Page 2</span>");
    expect(html).toMatch(/<a [^>]*href="\?page=3"[^>]*>Older<\/a>/);
  });

  it("has no link past the last page", () => {
    const html = render({
      label: "Activity pages",
      page: 2,
      hasNext: false,
      previousLabel: "Newer",
      nextLabel: "Older",
      href: (p) => `?page=${p}`,
    });
    expect(html).toContain(">Newer</a>");
    expect(html).not.toContain("Older");
  });

  it("disables the button that would leave the pages", () => {
    const html = render({ label: "Pages", page: 1, hasNext: true, onPage: () => {} });
    const [previous, next] = html.split("<button ").slice(1);
    expect(previous).toMatch(/ disabled=""[^>]*>Previous</);
    expect(next).toMatch(/^(?![^>]* disabled="")[^>]*>Next</);
  });
});
