// Quotes per second of the npm package in Node, and mon-entreprise's engine (modele-social + publicodes) on
// the same contract: scripts/bench-npm.sh runs it and prints the table. Arguments: the package's node.js,
// the folder holding modele-social and publicodes, the contract JSON. Prints one JSON object.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [packageEntry, oracleDir, contractFile] = process.argv.slice(2);
const contract = JSON.parse(readFileSync(contractFile, 'utf8'));
const pkg = await import(pathToFileURL(packageEntry).href);

function seconds(run) {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

// Ours: plain object in, plain object out, as a JavaScript caller uses it. Warmed first (JIT, référentiel).
const quote = pkg.quote(contract);
for (let i = 0; i < 500; i++) pkg.quote(contract);
const n = Number(process.env.QUOTES ?? 20000);
const packageRate = n / seconds(() => { for (let i = 0; i < n; i++) pkg.quote(contract); });

// mon-entreprise: one situation is one month of salary (its rules have no contract over time); the contract's
// first month, as its simulator would be asked, then every month of the contract for a like-for-like figure.
const require = createRequire(join(resolve(oracleDir), 'package.json'));
const load = async (name) => {
  const module = await import(pathToFileURL(require.resolve(name)).href);
  return module.default?.default ?? module.default ?? module;
};
const Engine = await load('publicodes');
const rules = await load('modele-social');
const silent = { log() {}, warn() {}, error() {} };
let engine;
const engineSeconds = seconds(() => { engine = new Engine(rules, { logger: silent }); });
const months = quote.net_cost?.months ?? [];
if (months.length === 0) throw new Error('the bench contract must give the monthly salary (birth_date)');
function situation(month) {
  engine.setSituation({
    'salarié . contrat': "'apprentissage'",
    "salarié . contrat . date d'embauche": `'${contract.start}'`,
    'salarié . contrat . salaire brut': `${month.salary} €/mois`,
    'entreprise . salariés . effectif': String(contract.company_headcount),
  });
  return engine.evaluate('salarié . coût total employeur').nodeValue;
}
const firstCost = situation(months[0]);
if (!Number.isFinite(firstCost)) throw new Error(`modele-social gave no cost: ${firstCost}`);
const situationsSeconds = seconds(() => { for (const m of months) situation(m); });
const perSituation = situationsSeconds / months.length;

console.log(JSON.stringify({
  node: process.version,
  package_quotes_per_second: Math.round(packageRate),
  quote_months: months.length,
  oracle_engine_seconds: engineSeconds,
  oracle_situation_ms: perSituation * 1000,
  oracle_situations_per_second: 1 / perSituation,
  oracle_contracts_per_second: 1 / situationsSeconds,
  oracle_first_month_cost: firstCost,
}));
