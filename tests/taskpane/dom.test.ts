import { describe, expect, it } from "vitest";
import { plural } from "../../src/taskpane/dom";

describe("plural", () => {
  it("writes a count as the pane writes every other number, with thousands separators (the Price data line read 1694 models)", () => {
    expect(plural(1, "model", "models")).toBe("1 model");
    expect(plural(0, "model", "models")).toBe("0 models");
    expect(plural(999, "model", "models")).toBe("999 models");
    expect(plural(1694, "model", "models")).toBe("1,694 models");
    expect(plural(1_000_000, "trial", "trials")).toBe("1,000,000 trials");
  });
});
