import type { Preset } from "../types";
import { agentFleet10k } from "./agentFleet10k";
import { aiBusinessCase } from "./aiBusinessCase";
import { aiParadox } from "./aiParadox";
import { aiParadox5y } from "./aiParadox5y";
import { bigTech2026 } from "./bigTech2026";
import { gpuCluster100k } from "./gpuCluster100k";
import { meta2026 } from "./meta2026";
import { meta2026Timeline } from "./meta2026Timeline";
import { microsoft2026 } from "./microsoft2026";
import { selfHostVsApi } from "./selfHostVsApi";

/** The built-in presets as written, in the order they are listed; validated in `../builtInPresets.ts`. */
export const builtInPresetData: readonly Preset[] = [
  meta2026,
  microsoft2026,
  bigTech2026,
  gpuCluster100k,
  agentFleet10k,
  selfHostVsApi,
  aiParadox,
  aiParadox5y,
  meta2026Timeline,
  aiBusinessCase,
];
