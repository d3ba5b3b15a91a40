/**
 * The preset format as JSON Schema, generated from the valibot schema, for
 * editors and other tools (schema/preset.schema.json). It describes the shape
 * only: the checks across fields (unique keys, known sources, low <= base <= high,
 * formulas) run in `checkPreset`. Not part of the add-in bundle.
 */
import { toJsonSchema } from "@valibot/to-json-schema";
import { formulaMaxNesting, formulaMaxOperators } from "./formula";
import { presetSchema } from "./schema";

/**
 * Actions that JSON Schema cannot express and that get no keyword: JSON numbers
 * are always finite, and whether a date is in the calendar (2026-02-31 is not)
 * is checked by the validator; the description says so.
 */
const shapeOnlyActions = new Set(["finite", "check"]);

export function presetJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(presetSchema, {
    target: "draft-07",
    overrideAction: ({ valibotAction, jsonSchema }) => (shapeOnlyActions.has(valibotAction.type) ? jsonSchema : undefined),
  });
  return {
    $schema: schema.$schema,
    title: "AICOST preset",
    description:
      "A sourced model that the AICOST add-in turns into a sheet. Shape only: keys must also be unique, every input's source listed, low <= base <= high, " +
      "a reported figure's source listed, " +
      "dates days of the calendar, and formulas may refer only to inputs and earlier outputs, " +
      `nest at most ${formulaMaxNesting} levels deep (each parenthesis, function call and sign in front of a value is a level) and hold at most ${formulaMaxOperators} operators.`,
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

/** The committed file's exact text: two-space JSON and a final newline. */
export function presetJsonSchemaText(): string {
  return `${JSON.stringify(presetJsonSchema(), null, 2)}\n`;
}
