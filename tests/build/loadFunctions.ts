/*
 * Loads the custom functions as Excel's shared runtime does: every script
 * dist/taskpane.html loads from the add-in before the pane's own taskpane.js,
 * in its order, into a bare JavaScript realm that has only a CustomFunctions
 * object. Returns the functions they associate, by id.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { StandInError, standInErrorCode } from "../functions/customFunctionsStandIn";

export type AssociatedFunction = (...args: unknown[]) => unknown;

/** The add-in's own scripts taskpane.html loads before taskpane.js, in order. */
export function functionScripts(dist: string): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1] as string);
  const own = sources.filter((src) => !/^[a-z]+:/i.test(src));
  const pane = own.indexOf("taskpane.js");
  return pane < 0 ? own : own.slice(0, pane);
}

export async function loadFunctions(dist: string): Promise<Map<string, AssociatedFunction>> {
  const associated = new Map<string, AssociatedFunction>();
  const context = vm.createContext({
    CustomFunctions: {
      associate: (id: string, fn: AssociatedFunction) => associated.set(id, fn),
      Error: StandInError,
      ErrorCode: standInErrorCode,
    },
  });
  for (const script of functionScripts(dist)) {
    vm.runInContext(readFileSync(join(dist, script), "utf8"), context, { filename: script });
  }
  // Excel calls a function only after the scripts have run and their microtasks have settled.
  await new Promise((settled) => setTimeout(settled, 0));
  return associated;
}
