// The npm package (target/npm, scripts/build-npm.sh) against the command line: every case of
// tests/fixtures/quotes.toml gives exactly the JSON of `coutcontrat quote --json`, or its error object;
// `npm pack` makes the package, installed into a scratch project and used from there, under its budget.
// Run by scripts/test-npm.sh with COUTCONTRAT_BIN set to the CLI binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkg from '../../target/npm/node.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = process.env.COUTCONTRAT_BIN;
assert.ok(bin, 'COUTCONTRAT_BIN names the coutcontrat binary (scripts/test-npm.sh sets it)');

// The fixtures, read by Python's TOML reader (Node has none).
const cases = JSON.parse(
  execFileSync('python3', ['-c', `
import json, sys, tomllib
with open(sys.argv[1], 'rb') as f: print(json.dumps(tomllib.load(f)['case']))
`, join(root, 'tests/fixtures/quotes.toml')], { encoding: 'utf8' }),
);

function cli(contract, policy, data) {
  const args = data ? ['--data', join(root, data), 'quote', '--json'] : ['quote', '--json'];
  if (policy) args.push(`--policy=${JSON.stringify(policy)}`);
  const out = spawnSync(bin, args, { input: JSON.stringify(contract), encoding: 'utf8' });
  return { status: out.status, json: JSON.parse(out.stdout) };
}

test('the fixtures are read', () => {
  assert.ok(cases.length > 50, `${cases.length} cases`);
});

for (const c of cases) {
  test(`fixture: ${c.name}`, () => {
    const expected = cli(c.contract, c.policy, c.data);
    let got;
    if (c.data) {
      // The case's own data directory, in the compact form the package reads.
      const file = join(mkdtempSync(join(tmpdir(), 'coutcontrat-data-')), 'data.ccrc');
      execFileSync(process.env.COUTCONTRAT_COMPACT_BIN, [file, join(root, c.data)]);
      pkg.loadReferentiel(readFileSync(file));
    }
    try {
      got = { status: 0, json: pkg.quote(c.contract, c.policy) };
    } catch (e) {
      assert.ok(e instanceof pkg.CoutcontratError, `${e}`);
      got = {
        status: 2,
        json: { error: { code: e.code, field: e.field, message: e.message, candidates: e.candidates } },
      };
    } finally {
      pkg.useDefaultReferentiel();
    }
    assert.deepEqual(got.json, expected.json);
    if (c.error) {
      assert.equal(got.json.error.code, c.error.code);
      assert.equal(got.json.error.field ?? undefined, c.error.field);
    } else {
      assert.equal(expected.status, 0);
    }
  });
}

test('the errors of the catalogue keep their codes and fields', () => {
  const dates = { signed_on: '2025-08-15', start: '2025-09-01', end: '2027-02-28' };
  const refused = [
    [{ start: '2025-09-01', end: '2027-02-28', npec: 7000, price: 9000, level: 6 }, 'missing', 'signed_on'],
    [{ ...dates, signed_on: '2025-02-30', npec: 7000, price: 9000 }, 'invalid', 'signed_on'],
    [{ ...dates, npec: 7000, price: 9000, colour: 'blue' }, 'unknown_field', 'colour'],
    [{ ...dates, end: '2025-08-01', npec: 7000, price: 9000, level: 6 }, 'inconsistent', 'end'],
    [{ ...dates, signed_on: '2019-08-15', start: '2019-09-01', end: '2021-02-28', npec: 7000, price: 9000 }, 'unsupported_regime', 'signed_on'],
  ];
  for (const [contract, code, field] of refused) {
    const expected = cli(contract).json.error;
    assert.equal(expected.code, code, JSON.stringify(expected));
    assert.throws(() => pkg.quote(contract), (e) => e.code === code && e.field === field && e.message === expected.message);
  }
  assert.throws(() => pkg.quote('{"signed_on": '), (e) => e.code === 'invalid' && e.field === null);
});

test('the référentiel: lookup, searches, editions, a compact file loaded and a bad one refused', () => {
  const eds = pkg.editions();
  assert.ok(eds.length >= 2 && eds.every((e) => ['complete', 'partial'].includes(e.coverage)));
  const hit = pkg.searchCertifications('RNCP41000', { limit: 5 });
  assert.equal(hit[0].rncp, 'RNCP41000');
  const l = pkg.lookup({ rncp: 'RNCP41000', idcc: 1351, signed_on: '2026-09-14' });
  const cliLookup = JSON.parse(execFileSync(bin, ['lookup', '--rncp', 'RNCP41000', '--idcc', '1351', '--signed-on', '2026-09-14', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(l, cliLookup);
  assert.ok(pkg.searchBranches('1351', { signedOn: '2026-09-14' }).some((b) => b.idcc === 1351));
  assert.throws(() => pkg.searchCertifications('x', { limit: 5000 }), (e) => e.code === 'usage');
  assert.throws(() => pkg.lookup({ rncp: 'RNCP41000', signed_on: '2026-09-14' }), (e) => e.code === 'usage' && /idcc/.test(e.message));
  assert.throws(() => pkg.loadReferentiel(new Uint8Array([1, 2, 3])), (e) => e.code === 'format');
  assert.deepEqual(pkg.editions(), eds, 'a refused file leaves the data in use untouched');
});

test('npm pack makes the package, under 400 KB, usable from a scratch project', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'coutcontrat-npm-'));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch, join(root, 'target/npm')], { encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(scratch, name);
  const size = statSync(tarball).size;
  assert.ok(size < 400_000, `the package is ${size} bytes gzip, over its budget of 400 000`);
  writeFileSync(join(scratch, 'package.json'), '{"name": "scratch", "private": true, "type": "module"}');
  execFileSync('npm', ['install', '--silent', '--offline', '--no-audit', '--no-fund', tarball], { cwd: scratch });
  writeFileSync(join(scratch, 'use.mjs'), `import { quote, version } from 'coutcontrat';
const q = quote({ signed_on: '2025-08-15', start: '2025-09-01', end: '2027-02-28', npec: 7000, price: 9000, level: 5 });
console.log(JSON.stringify({ version, opco: q.totals.opco }));`);
  const out = JSON.parse(execFileSync('node', ['use.mjs'], { cwd: scratch, encoding: 'utf8' }));
  assert.equal(out.opco, '10471.23');
  assert.equal(out.version, pkg.version);
  assert.ok(readdirSync(join(scratch, 'node_modules/coutcontrat/wasm')).includes('coutcontrat_bg.wasm'));
});
