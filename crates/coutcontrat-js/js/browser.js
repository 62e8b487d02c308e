// Browsers and bundlers (Vite, webpack 5, esbuild): the WebAssembly fetched next to this file, once, by a
// top-level await, so every function is ready on import as in Node.
import init, * as raw from './wasm/coutcontrat.js';
import { bind } from './api.js';

await init({ module_or_path: new URL('./wasm/coutcontrat_bg.wasm', import.meta.url) });

export { CoutcontratError } from './api.js';
export const {
  quote,
  lookup,
  searchCertifications,
  searchBranches,
  editions,
  loadReferentiel,
  useDefaultReferentiel,
  version,
} = bind(raw);
