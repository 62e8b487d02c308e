// Node (≥ 20): the WebAssembly read from the package's own folder, synchronously, so every function is
// ready on import.
import { readFileSync } from 'node:fs';
import * as raw from './wasm/coutcontrat.js';
import { bind } from './api.js';

raw.initSync({ module: readFileSync(new URL('./wasm/coutcontrat_bg.wasm', import.meta.url)) });

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
