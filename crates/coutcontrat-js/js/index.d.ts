// The package's functions. The data types (Contract, Quote, Lookup…) are generated from the Rust crates'
// declarations into types.d.ts by `coutcontrat schema --typescript`.
import type { Branches, Certifications, Contract, Editions, Lookup, Quote } from './types.js';

export type * from './types.js';

/** The CLI's error object: `code` is stable (docs/errors.md), `field` names the input at fault. */
export declare class CoutcontratError extends Error {
  readonly code: string;
  readonly field: string | null;
  readonly candidates: string[];
}

/**
 * Another reading where the texts leave a choice (the CLI's `--policy`): for instance
 * `{ first_month_on_rupture: true }`. Unknown names are refused.
 */
export type Policy = Record<string, unknown>;

/** What `lookup` is asked: `rncp`, `signed_on`, and `idcc` or `cpne`; `level` for the amorçage value. */
export interface LookupQuery {
  rncp: string;
  signed_on: string;
  idcc?: string | number;
  cpne?: string | number;
  level?: string | number;
}

/** The quote of a contract, as `coutcontrat quote --json` prints it; throws CoutcontratError when refused. */
export declare function quote(contract: Contract | string, policy?: Policy): Quote;
/** The NPEC of a certification in a branch, as `coutcontrat lookup --json`. */
export declare function lookup(query: LookupQuery | string): Lookup;
/** Certifications by RNCP code or words of the title (`limit` 1–1000, 20 by default). */
export declare function searchCertifications(query: string, options?: { limit?: number }): Certifications;
/** Branches by IDCC, CPNE or words, every one for an empty query (`signedOn` today by default). */
export declare function searchBranches(
  query?: string,
  options?: { signedOn?: string; limit?: number },
): Branches;
/** The editions of the référentiel in use. */
export declare function editions(): Editions;
/** Uses a compact référentiel (`coutcontrat-compact`, or the page's import) from now on; gives its editions. */
export declare function loadReferentiel(bytes: Uint8Array | ArrayBuffer): Editions;
/** Goes back to the package's own data. */
export declare function useDefaultReferentiel(): void;
/** The version of the package: its rules (data/parameters) and default data are those of this version. */
export declare const version: string;
