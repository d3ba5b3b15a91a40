/**
 * Preset files in the pane: export as a download (a Blob behind an object URL,
 * clicked through an <a download>), and import from a file the user picks. A
 * file over the size limit is refused before it is read.
 */
import { fileTooLargeMessage, parsePresetFileBytes, presetFileMaxBytes, presetToFileText } from "../presets/file";
import type { PresetParseResult } from "../presets/schema";
import type { Preset } from "../presets/types";

/** The file name an exported preset gets: its id and ".json". */
export function presetFileName(preset: Preset): string {
  return `${preset.id}.json`;
}

/** Offers text as a file download. */
export function downloadTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start the download after click() returns; the URL must outlive it.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** The text of an exported preset. */
export function exportText(preset: Preset): string {
  return presetToFileText(preset);
}

/**
 * Reads a picked file as a preset: refused unread when it is too large, else
 * its bytes go through parsePresetFileBytes, as the command line reads a file
 * (strict UTF-8: a file that is not is refused, never silently repaired).
 */
export async function readPresetFile(file: Blob): Promise<PresetParseResult> {
  if (file.size > presetFileMaxBytes) {
    const error = { path: "", message: `preset: ${fileTooLargeMessage(file.size)}` };
    return { ok: false, error, issues: [error] };
  }
  return parsePresetFileBytes(new Uint8Array(await file.arrayBuffer()));
}
