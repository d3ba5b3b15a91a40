export * from "./defaults";
export * from "./compile";
export * from "./distributions";
export * from "./ranges";
export * from "./simulate";
export * from "./statistics";
export * from "./tornado";
export * from "./resultSheets";
