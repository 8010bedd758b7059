import type { ViteUserConfig } from "vitest/config"

export declare const SOURCE_CONDITION: "@pl/source"

/** The vitest config of a workspace package: workspace imports resolve to sources, in Vite's server environment too. */
export declare function packageTestConfig(
  test?: ViteUserConfig["test"],
  resolve?: ViteUserConfig["resolve"],
): ViteUserConfig
