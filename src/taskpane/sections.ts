/**
 * The pane's sections, top to bottom. To add one, write it as a
 * `PaneSectionFactory` in its own file (the contract is in ./section.ts) and
 * add one line here.
 */
import { companyModelsSection } from "./companyModels";
import { loadedSheetsSection } from "./loadedSheets";
import { priceBrowserSection } from "./priceBrowser";
import { pricesSection } from "./priceCatalogView";
import { priceDataSection } from "./priceDataSection";
import type { PaneSectionFactory } from "./section";
import { uncertaintySection } from "./uncertainty";
import { yourModelsSection } from "./yourModels";

export const paneSections: readonly PaneSectionFactory[] = [
  companyModelsSection,
  yourModelsSection,
  loadedSheetsSection,
  uncertaintySection,
  pricesSection,
  priceBrowserSection,
  priceDataSection,
];
