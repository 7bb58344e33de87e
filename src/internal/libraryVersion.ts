import packageJson from "../../package.json" with { type: "json" };

/** The version of regionsim, from its package.json (e.g. `"0.1.0"`). */
export const LIBRARY_VERSION: string = packageJson.version;
