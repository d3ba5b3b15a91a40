import { DetailedCellError } from "hyperformula";
import { describe, expect, it } from "vitest";
import { builtInPresets } from "../../src/presets";
import { defaultTornadoOutput, inputRanges, modelOutputs, tornado } from "../../src/simulation";
import { modelSheet, presetWith, sheetCellOf } from "./helpers";

describe("tornado", () => {
  for (const preset of builtInPresets) {
    it(`${preset.id}: each swing equals the model's sheet in HyperFormula with that input at its Low and High`, () => {
      const ranges = inputRanges(preset);
      if (!ranges.ok) throw new Error(ranges.message);
      const { plan, engine, at } = modelSheet(preset);
      try {
        for (const output of modelOutputs(preset)) {
          const result = tornado(preset, output.key);
          if (!result.ok) throw new Error(result.message);
          const t = result.tornado;
          expect(t.inputs.map((b) => b.key).sort()).toEqual(ranges.varying.map((r) => r.key).sort());
          const read = () => {
            const raw = engine.getCellValue(at(sheetCellOf(plan, output, "base")));
            return raw instanceof DetailedCellError ? { code: raw.value } : raw;
          };
          const sameAs = (ours: unknown, theirs: unknown) => {
            if (typeof theirs === "number") expect(ours as number).toBeCloseTo(theirs, 6);
            else expect({ code: (ours as { code: string }).code }).toEqual(theirs);
          };
          sameAs(t.base, read());
          for (const bar of t.inputs) {
            const cell = at(plan.keyCells[bar.key]!.base);
            const base = engine.getCellValue(cell);
            engine.setCellContents(cell, bar.low);
            sameAs(bar.outputAtLow, read());
            engine.setCellContents(cell, bar.high);
            sameAs(bar.outputAtHigh, read());
            engine.setCellContents(cell, base as number);
            if (typeof bar.outputAtLow === "number" && typeof bar.outputAtHigh === "number") {
              expect(bar.swing).toBe(Math.abs(bar.outputAtHigh - bar.outputAtLow));
            }
          }
          const swings = t.inputs.map((b) => b.swing ?? -1);
          expect(swings).toEqual([...swings].sort((a, b) => b - a));
        }
      } finally {
        engine.destroy();
      }
    });
  }

  it("ranks the inputs by swing, largest first, and puts inputs whose ends fail last", () => {
    const preset = presetWith(
      [
        { base: 10, low: 9, high: 11 },
        { base: 10, low: 0, high: 100 },
        { base: 1, low: -1, high: 2 },
      ],
      [{ formula: "x0 + x1 + AICOST.SELF_HOST_PRICE(1, x2)" }],
    );
    const result = tornado(preset, "y0");
    if (!result.ok) throw new Error(result.message);
    expect(result.tornado.inputs.map((b) => b.key)).toEqual(["x1", "x0", "x2"]);
    expect(result.tornado.inputs[2]?.swing).toBeNull();
    expect(result.tornado.inputs[2]?.outputAtLow).toMatchObject({ code: "#NUM!" });
  });

  it("names the outputs when the one asked for does not exist, and defaults to the last charted output", () => {
    const preset = builtInPresets.find((p) => p.id === "gpu-cluster-100k")!;
    const result = tornado(preset, "nope");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("its outputs: ");
    expect(defaultTornadoOutput(preset)).toBe([...preset.outputs].reverse().find((o) => o.chart)?.key);
  });

  it("defaults to the last charted output an input with a range moves, never one nothing moves (all swings zero)", () => {
    const preset = builtInPresets.find((p) => p.id === "self-host-vs-api")!;
    const key = defaultTornadoOutput(preset);
    const result = tornado(preset, key);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tornado.inputs.some((i) => typeof i.swing === "number" && i.swing !== 0)).toBe(true);
    expect(preset.outputs.find((o) => o.key === key)?.chart).toBe(true);
  });
});
