// The package's functions over the raw WebAssembly exports (../src/lib.rs): plain objects in, plain objects
// out, each the JSON of the command line; a refusal is thrown as a CoutcontratError carrying the CLI's
// error object (code, field, message, candidates).

/** A contract, a query or a file refused: `code` is stable, `message` is for the person who typed it. */
export class CoutcontratError extends Error {
  constructor(error) {
    super(error.message);
    this.name = 'CoutcontratError';
    this.code = error.code;
    this.field = error.field ?? null;
    this.candidates = error.candidates ?? [];
  }
}

function call(run) {
  let text;
  try {
    text = run();
  } catch (thrown) {
    // The Rust side throws the CLI's error JSON as a string; anything else is a bug, passed on as is.
    if (typeof thrown === 'string') {
      throw new CoutcontratError(JSON.parse(thrown).error);
    }
    throw thrown;
  }
  return JSON.parse(text);
}

function asJson(value, name) {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CoutcontratError({
      code: 'invalid',
      field: null,
      message: `${name} : un objet attendu (les champs de l'interface JSON), par exemple {"signed_on": "2025-08-15", …}`,
      candidates: [],
    });
  }
  return JSON.stringify(value);
}

// As text: the engine checks it as the HTTP service checks its parameter, with the same message.
function limitOf(options, fallback) {
  return String(options?.limit ?? fallback);
}

function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function bind(raw) {
  return {
    quote(contract, policy) {
      const policyText = policy === undefined || policy === null ? '' : asJson(policy, 'policy');
      return call(() => raw.quoteJson(asJson(contract, 'contract'), policyText));
    },
    lookup(query) {
      return call(() => raw.lookupJson(asJson(query, 'lookup')));
    },
    searchCertifications(query, options) {
      return call(() => raw.searchCertificationsJson(String(query ?? ''), limitOf(options, 20)));
    },
    searchBranches(query, options) {
      const signedOn = options?.signedOn ?? today();
      return call(() => raw.searchBranchesJson(String(query ?? ''), String(signedOn), limitOf(options, 50)));
    },
    editions() {
      return call(() => raw.editionsJson());
    },
    loadReferentiel(bytes) {
      const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
      return call(() => raw.loadReferentielBytes(view));
    },
    useDefaultReferentiel() {
      raw.useDefaultReferentiel();
    },
    version: raw.version(),
  };
}
