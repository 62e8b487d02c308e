// The oracle of the social contributions: mon-entreprise's rules (modele-social, MIT) evaluated by publicodes.
// Reads one situation a line on stdin, as JSON: {"month": "2026-03", "hired": "2025-09-01", "gross": "1000",
// "headcount": 11, "atmp": "0.015"?, "mobility": "0.0175"?, "alsace_moselle": false}; writes one line of
// figures (euros, unrounded) per situation, keyed as in data/parameters/contributions.toml where both model
// the line. The mutuelle is set to 0 and the alternants' share to 5 % (no contribution supplémentaire).
import readline from 'node:readline'
import rules from 'modele-social'
import Engine from 'publicodes'

const silent = { log() {}, warn() {}, error() {} }
const engine = new Engine(rules, { logger: silent })

const C = 'salarié . cotisations . '
const LINES = {
  employer: 'salarié . cotisations . employeur',
  employee: 'salarié . cotisations . salarié',
  net: 'salarié . rémunération . net . à payer avant impôt',
  reduction: C + 'exonérations . employeur',
  coefficient: C + 'exonérations . RGDU . coefficient',
  'maladie.employer': C + 'maladie . employeur',
  'maladie.employee': C + 'maladie . salarié',
  'vieillesse_plafonnee.employer': C + 'vieillesse . employeur . plafonnée',
  'vieillesse_plafonnee.employee': C + 'vieillesse . salarié . plafonnée',
  'vieillesse_deplafonnee.employer': C + 'vieillesse . employeur . déplafonnée',
  'vieillesse_deplafonnee.employee': C + 'vieillesse . salarié . déplafonnée',
  'allocations_familiales.employer': C + 'allocations familiales',
  'csa.employer': C + 'CSA',
  'fnal.employer': C + 'FNAL',
  'chomage.employer': C + 'chômage',
  'ags.employer': C + 'AGS',
  'retraite_complementaire.employer': C + 'retraite complémentaire . employeur',
  'retraite_complementaire.employee': C + 'retraite complémentaire . salarié',
  'ceg.employer': C + 'CEG . employeur',
  'ceg.employee': C + 'CEG . salarié',
  'cet.employer': C + 'CET . employeur',
  'cet.employee': C + 'CET . salarié',
  'dialogue_social.employer': C + 'contribution au dialogue social',
  'formation_professionnelle.employer': C + 'formation professionnelle',
  'taxe_apprentissage.employer': C + "taxe d'apprentissage",
  'peec.employer': C + 'PEEC',
  'atmp.employer': C + 'ATMP',
  'versement_mobilite.employer': C + 'versement mobilité',
  'csg.employee': C + 'CSG-CRDS . CSG',
  'crds.employee': C + 'CSG-CRDS . CRDS',
}

function frenchDate(iso) {
  const [y, m, d] = iso.split('-')
  return `${d ?? '01'}/${m}/${y}`
}

function percent(share) {
  return `${(Number(share) * 100).toFixed(4)}%`
}

function situation(s) {
  const out = {
    'salarié . contrat': "'apprentissage'",
    'salarié . contrat . salaire brut': `${s.gross} €/mois`,
    date: frenchDate(s.month),
    "salarié . contrat . date d'embauche": frenchDate(s.hired),
    'entreprise . salariés . effectif': String(s.headcount),
    'entreprise . salariés . ratio alternants': '5%',
    'salarié . cotisations . prévoyances . santé . montant': '0 €/mois',
    'salarié . régimes spécifiques . alsace moselle': s.alsace_moselle ? 'oui' : 'non',
  }
  if (s.atmp != null) out['établissement . taux ATMP'] = percent(s.atmp)
  if (s.mobility != null) out['établissement . commune . taux versement mobilité'] = percent(s.mobility)
  return out
}

const input = readline.createInterface({ input: process.stdin })
for await (const line of input) {
  if (!line.trim()) continue
  const s = JSON.parse(line)
  engine.setSituation(situation(s))
  const figures = {}
  for (const [key, rule] of Object.entries(LINES)) {
    const value = engine.evaluate(rule).nodeValue
    figures[key] = typeof value === 'number' ? value : 0
  }
  console.log(JSON.stringify({ id: s.id, figures }))
}
