import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: {
      // The browser-safe core: the main entry under `browser`, `import` and `require`.
      index: "src/index.ts",
      // The main entry under `node`: the core and the Node entry.
      "index.node": "src/index.node.ts",
      // regionsim/node: what needs Node's file system.
      node: "src/node.ts",
      // The worker-thread simulation pool, loaded by the core in Node only, through a dynamic
      // import with a computed specifier ("./workerThreadPool.js" or .cjs, see environmentPool.ts), so
      // that no bundler follows it into node:worker_threads.
      workerThreadPool: "src/simulation/internal/workerThreadPool.ts",
    },
    format: ["esm", "cjs"],
    // Shared chunks, so that the three entries share one instance of each module (one pool, one
    // cache of checked packs, one set of error classes).
    splitting: true,
    // import.meta.url in the CommonJS build (lazyModule.ts makes a require from it).
    shims: true,
    dts: {
      entry: { index: "src/index.ts", "index.node": "src/index.node.ts", node: "src/node.ts" },
    },
    sourcemap: true,
    clean: true,
    target: "node20",
  },
  {
    entry: { cli: "src/cli.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
