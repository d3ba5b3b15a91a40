/**
 * "Sensitivity and simulation": for a sheet loaded from a model, which
 * assumption moves a chosen result most (tornado) and how likely each result
 * is to come out above zero (Monte Carlo). Both read the sheet's assumptions
 * as the user has edited them (as Save as preset reads them), compute with
 * src/simulation, and write the figures to a new sheet through
 * `host.loadPlan`: the model's own sheet is never changed. A simulation runs
 * in slices, yielding to the page between them, with progress and Cancel.
 * Shown only where the host lists and reads loaded models.
 *
 * The simulation code, with the price catalog its compiled formulas call, is
 * loaded on the first run (a separate script), not with the pane.
 */
import type { Preset } from "../presets/types";
import type { DistributionName } from "../simulation";
import { defaultTornadoOutput, modelOutputs, paybackSentence } from "../simulation/defaults";
import type { LoadedModel } from "../workbook/host";
import { presetOfSheet } from "./lazyModules";
import { actionButton, clickedAction, element } from "./dom";
import type { PaneSectionFactory } from "./section";

/** Trials per slice in the pane: about a few milliseconds of work, so the page stays responsive. */
export const paneSliceTrials = 2_000;
export const defaultPaneTrials = 10_000;
export const defaultPaneSeed = 1;

/** The simulation module, loaded on first use. */
const simulation = (): Promise<typeof import("../simulation")> => import(/* webpackChunkName: "simulation" */ "../simulation");

/** Lets the page paint and handle input between slices. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export const uncertaintySection: PaneSectionFactory = (context) => {
  const { host, idPrefix } = context;
  if (context.problem !== null || host.listModels === undefined || host.readModel === undefined) return undefined;
  const listModels = host.listModels.bind(host);

  let models: readonly LoadedModel[] = [];
  let chosenSheet: string | undefined;
  let chosenOutput: string | undefined;
  let trialsText = String(defaultPaneTrials);
  let seedText = String(defaultPaneSeed);
  let distribution: DistributionName = "triangular";
  let cancelled = false;

  const section = element("section", { className: "pane-section uncertainty" });
  const headingId = `${idPrefix}-uncertainty`;
  section.setAttribute("aria-labelledby", headingId);
  const body = element("div", { className: "section-body" });
  const progress = element("div", { className: "run-progress" });
  progress.hidden = true;
  const bar = document.createElement("progress");
  bar.max = 1;
  bar.value = 0;
  bar.setAttribute("aria-label", "Simulation progress");
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "cancel-run";
  cancel.textContent = "Cancel";
  cancel.addEventListener("click", () => {
    cancelled = true;
  });
  progress.append(bar, cancel);
  section.append(
    element("h2", { className: "section-title", text: "Sensitivity and simulation", id: headingId }),
    element("p", {
      className: "section-intro",
      text: "Which assumption moves a result most, and how likely each result is above zero, from the sheet's Low, Base and High values as you have edited them. The figures go to a new sheet; the model's sheet is not changed. A probability is only as good as the ranges behind it.",
    }),
    body,
    progress,
  );

  const labelled = <T extends HTMLElement>(text: string, control: T, id: string): HTMLElement => {
    control.id = id;
    const label = element("label", { className: "field-label", text });
    label.htmlFor = id;
    const field = element("div", { className: "field" });
    field.append(label, control);
    return field;
  };

  function select(options: readonly { value: string; text: string }[], value: string, onChange: (v: string) => void): HTMLSelectElement {
    const node = document.createElement("select");
    node.className = "field-select";
    for (const option of options) {
      const o = document.createElement("option");
      o.value = option.value;
      o.textContent = option.text;
      node.append(o);
    }
    node.value = value;
    node.addEventListener("change", () => onChange(node.value));
    return node;
  }

  function numberInput(value: string, onInput: (v: string) => void): HTMLInputElement {
    const node = document.createElement("input");
    node.type = "text";
    node.inputMode = "numeric";
    node.className = "field-input";
    node.value = value;
    node.addEventListener("input", () => onInput(node.value));
    return node;
  }

  function render(): void {
    if (models.length === 0) {
      body.replaceChildren(element("p", { className: "empty", text: "No sheet yet: load a model above." }));
      context.rendered();
      return;
    }
    const model = models.find((m) => m.sheetId === chosenSheet) ?? (models[0] as LoadedModel);
    chosenSheet = model.sheetId;
    // A timeline model's results include its summaries (NPV, IRR, payback, ROI), after its one-year outputs.
    const outputs = modelOutputs(model.preset);
    if (!outputs.some((o) => o.key === chosenOutput)) chosenOutput = defaultTornadoOutput(model.preset);
    const form = element("div", { className: "run-form" });
    form.append(
      labelled(
        "Sheet",
        select(models.map((m) => ({ value: m.sheetId, text: m.sheetName })), model.sheetId, (v) => {
          chosenSheet = v;
          render();
        }),
        `${idPrefix}-run-sheet`,
      ),
      labelled(
        "Result",
        select(outputs.map((o) => ({ value: o.key, text: o.label })), chosenOutput ?? "", (v) => {
          chosenOutput = v;
        }),
        `${idPrefix}-run-output`,
      ),
      labelled("Trials (100 to 1,000,000)", numberInput(trialsText, (v) => (trialsText = v)), `${idPrefix}-run-trials`),
      labelled("Seed", numberInput(seedText, (v) => (seedText = v)), `${idPrefix}-run-seed`),
      labelled(
        "Distribution",
        select(
          [
            { value: "triangular", text: "Triangular (Low, Base, High)" },
            { value: "pert", text: "PERT (weighted towards Base)" },
          ],
          distribution,
          (v) => (distribution = v === "pert" ? "pert" : "triangular"),
        ),
        `${idPrefix}-run-distribution`,
      ),
    );
    const row = element("div", { className: "card-actions" });
    row.append(actionButton("Sensitivity", "tornado", "secondary", { sheetId: model.sheetId }), actionButton("Simulate", "simulate", "primary", { sheetId: model.sheetId }));
    body.replaceChildren(form, row);
    context.rendered();
  }

  async function refresh(): Promise<void> {
    models = await listModels();
    render();
  }

  /** The model as the sheet now holds it, or null (with the problem shown) when the sheet cannot be read as one. */
  async function editedPreset(model: LoadedModel): Promise<Preset | null> {
    // Sensitivity and simulation read Low, Base and High only.
    const read = await presetOfSheet(context, model, { id: model.preset.id, title: model.preset.title, readReported: false }, "Not run");
    return read === null ? null : read.preset;
  }

  const wholeNumber = (text: string): number => (/^\s*\d[\d,]*\s*$/.test(text) ? Number(text.replace(/[\s,]/g, "")) : NaN);

  async function runTornado(model: LoadedModel): Promise<void> {
    const preset = await editedPreset(model);
    if (preset === null) return;
    const { tornado, tornadoSheetPlan } = await simulation();
    const result = tornado(preset, chosenOutput);
    if (!result.ok) {
      context.status.set("error", `Not run: ${result.message}`);
      return;
    }
    const outcome = await host.loadPlan(tornadoSheetPlan(preset, result.tornado, context.now()));
    const top = result.tornado.inputs[0];
    context.status.set(
      "success",
      `Wrote the sensitivity of ${result.tornado.outputLabel} to the new sheet '${outcome.sheetName}'.` +
        (top === undefined ? " No input of this model has a range." : ` ${top.label} moves it most.`),
    );
  }

  async function runSimulation(model: LoadedModel): Promise<void> {
    const trials = wholeNumber(trialsText);
    const seed = wholeNumber(seedText);
    const preset = await editedPreset(model);
    if (preset === null) return;
    const { simulationSheetPlan, startSimulation } = await simulation();
    const started = startSimulation(preset, { trials, seed, distribution });
    if (!started.ok) {
      context.status.set("error", `Not run: ${started.message}`);
      return;
    }
    const run = started.run;
    cancelled = false;
    progress.hidden = false;
    try {
      while (!run.step(paneSliceTrials)) {
        bar.value = run.trialsDone / run.trials;
        context.status.set("progress", `Simulating: ${run.trialsDone.toLocaleString("en-US")} of ${run.trials.toLocaleString("en-US")} trials…`);
        await nextTask();
        if (cancelled) {
          context.status.set("idle", `Simulation cancelled after ${run.trialsDone.toLocaleString("en-US")} trials; nothing was written.`);
          return;
        }
      }
    } finally {
      progress.hidden = true;
      bar.value = 0;
    }
    const result = run.result();
    const outcome = await host.loadPlan(simulationSheetPlan(preset, result, chosenOutput ?? defaultTornadoOutput(preset), context.now()));
    const chosen = result.outputs.find((o) => o.key === chosenOutput);
    const described = modelOutputs(preset).find((o) => o.key === chosenOutput);
    const payback = chosen === undefined || described === undefined ? undefined : paybackSentence(described, chosen.countedTrials, trials);
    const chance = chosen?.probabilityPositive;
    const reading =
      chosen === undefined
        ? ""
        : payback !== undefined
          ? ` ${chosen.label}: ${payback}.`
          : chance !== undefined
            ? ` ${chosen.label} is above zero in ${(chance * 100).toFixed(1)}% of ${
                // The share is of the trials that give the result a value: say so when others failed.
                chosen.failedTrials === 0
                  ? "them"
                  : `the ${chosen.countedTrials.toLocaleString("en-US")} trials that give it a value (the other ${chosen.failedTrials.toLocaleString("en-US")} give an error: see the sheet)`
              }.`
            : "";
    context.status.set("success", `Wrote ${trials.toLocaleString("en-US")} trials to the new sheet '${outcome.sheetName}'.${reading}`);
  }

  section.addEventListener("click", (event) => {
    const button = clickedAction(context, event);
    if (button === null) return;
    const model = models.find((m) => m.sheetId === button.dataset.sheetId);
    if (model === undefined) return;
    if (button.dataset.action === "tornado") context.act(() => runTornado(model), "The sensitivity failed for an unknown reason.");
    if (button.dataset.action === "simulate") context.act(() => runSimulation(model), "The simulation failed for an unknown reason.");
  });

  context.onChanged("models", refresh);
  render();
  return { element: section };
};

