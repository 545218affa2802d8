import { describe, expect, it, vi } from "vitest";
import { safeReturnPath } from "./current-user";

vi.mock("./auth-js", () => ({ auth: async () => null }));

describe("safeReturnPath: only a same-origin path is returned to after sign-in", () => {
  it("keeps a dashboard path with its query and fragment", () => {
    expect(safeReturnPath("/dashboard/acme/live/developers/api-credentials?status=revoked#top")).toBe(
      "/dashboard/acme/live/developers/api-credentials?status=revoked#top",
    );
    expect(safeReturnPath("/invite/abc_DEF-123")).toBe("/invite/abc_DEF-123");
  });

  it.each([
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["a space", "/ /evil.example"],
    ["a non-breaking space", "/\u00a0/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a backslash later", "/\\/evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a dot segment that leaves //", "/.//evil.example"],
    ["a dot-dot segment that leaves //", "/x/..//evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "dashboard"],
    ["an empty string", ""],
  ])("refuses %s", (_, next) => {
    expect(safeReturnPath(next)).toBe("/dashboard");
  });

  it("refuses what is not one string", () => {
    expect(safeReturnPath(undefined)).toBe("/dashboard");
    expect(safeReturnPath(["/a", "/b"])).toBe("/dashboard");
    expect(safeReturnPath(null)).toBe("/dashboard");
  });

  it("percent-encodes characters a Location header cannot carry", () => {
    expect(safeReturnPath("/dashboard/ü?q=日本")).toBe("/dashboard/%C3%BC?q=%E6%97%A5%E6%9C%AC");
    expect(() => new Headers({ location: safeReturnPath("/€") })).not.toThrow();
  });
});
