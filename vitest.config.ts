import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // What a Node app gets: "regionsim" under the `node` condition, and "regionsim/node".
    alias: [
      {
        find: /^regionsim\/node$/,
        replacement: fileURLToPath(new URL("./src/node.ts", import.meta.url)),
      },
      {
        find: /^regionsim$/,
        replacement: fileURLToPath(new URL("./src/index.node.ts", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
