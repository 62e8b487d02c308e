// Generated from data/parameters/financing.toml by `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`: do not edit.
// A test fails when this file and the data differ.

/// The text of `data/parameters/financing.toml`, as generated.
pub(crate) const FINANCING_TOML: &str = r##"# Dated legal parameters of the financing of an apprenticeship contract by an OPCO.
#
# Every figure the law fixes lives here, never in code. Each parameter is a step function of the date of
# conclusion (signature) of the contract: a step applies from its `from` date until the next step's.
# `article` is the article of the Code du travail, `reference` the text that fixes the value, `last_checked`
# the day someone last checked it was still in force. A step marked `to_confirm = true` rests on a source of
# low confidence: a quote that uses it says so in a warning.
# Source of the research: spec RULES.md (sections 0, 3, 5 and 8).

# D1: before this date no regime is supported (the pre-2021 rules are out of scope).
[supported_from]
label = "Contrats conclus à partir de cette date seulement"
article = "R6332-25"
reference = "Décret n° 2020-1739 du 29 décembre 2020 (contrats conclus à compter du 1er janvier 2021)"
last_checked = "2026-11-27"
steps = [{ from = "2021-01-01", value = true }]

# D1, D3, D4: how the annual NPEC is prorated.
[proration]
label = "Proratisation du niveau de prise en charge"
article = "R6332-25"
last_checked = "2026-10-06"
steps = [
  { from = "2021-01-01", value = "monthly", article = "R6332-25 VI (version du 31 décembre 2020)", reference = "Décret n° 2020-1739 du 29 décembre 2020 : « chaque mois de contrat d'apprentissage débuté est dû »" },
  { from = "2025-07-01", value = "daily", article = "R6332-25 III", reference = "Décret n° 2025-585 du 27 juin 2025 : « prorata temporis du nombre de jours effectués »" },
]

# D5, R4: +10 % for a contract shorter than a year whose duration was reduced (Cerfa derogation 21).
[short_contract_majoration]
label = "Majoration de 10 % des contrats de moins d'un an à durée réduite"
article = "R6332-25 IV 2°"
reference = "L. 6222-7-1 alinéa 3 ; R6332-25 IV 2° (versions de 2020 et de 2025)"
last_checked = "2026-10-06"
steps = [{ from = "2021-01-01", value = "0.10" }]

# D5, R2b: distance-learning minoration.
[distance_minoration]
label = "Minoration pour enseignement à distance"
article = "D6332-82-1"
reference = "Décret n° 2025-586 du 27 juin 2025"
last_checked = "2026-10-06"
steps = [
  { from = "2021-01-01", value = { applies = false, threshold = "0.80", rate = "0.20", floor = "4000" } },
  { from = "2025-07-01", value = { applies = true, threshold = "0.80", rate = "0.20", floor = "4000" } },
]

# D5, R2b II, D27: certifications exempt from the minoration, for contracts concluded from the step where
# `applies` is true (the arrêté's date). The arrêté lists 33 certifications whose codes were not found: until they
# are entered, `complete = false` makes every minoration that they could decide carry a warning, unless the
# contract says `distance_exempt`.
[distance_exemptions]
label = "Certifications exemptées de la minoration à distance"
article = "D6332-82-1 II"
reference = "Arrêté du 26 novembre 2025 (33 certifications ; liste non encore saisie)"
last_checked = "2026-10-06"
steps = [
  { from = "2021-01-01", value = { complete = true, rncp = [] } },
  { from = "2025-11-30", value = { applies = true, complete = false, rncp = [] } },
]

# D7, R2a: RQTH majoration cap (per execution year).
[rqth_cap]
label = "Plafond annuel de la majoration pour apprenti RQTH"
article = "D6332-82"
reference = "Décret n° 2020-1450 du 27 novembre 2020 ; arrêté du 7 décembre 2020"
last_checked = "2026-10-06"
unit = "EUR"
steps = [{ from = "2021-01-01", value = "4000" }]

# D8, R6: employer participation.
[participation]
label = "Participation de l'employeur (niveau 6 et plus)"
article = "L6332-14 I 1° ; R6332-25-1"
reference = "Loi n° 2025-127 du 14 février 2025, art. 192 ; décret n° 2025-585 du 27 juin 2025"
last_checked = "2026-10-06"
steps = [
  { from = "2021-01-01", value = { applies = false, min_level = 6, lump_sum = "0", new_employer_lump_sum = "0", probation_share = "0", probation_days = 45 } },
  { from = "2025-07-01", value = { applies = true, min_level = 6, lump_sum = "750", new_employer_lump_sum = "200", probation_share = "0.5", probation_days = 45 } },
]

# D11, R1.3: amorçage values, by certification level, for certifications without a NPEC.
[amorcage]
label = "Valeurs d'amorçage"
article = "D6332-80"
reference = "Arrêté du 31 août 2022 fixant les niveaux d'amorçage"
last_checked = "2026-10-06"
unit = "EUR"
steps = [
  { from = "2021-01-01", to_confirm = true, reference = "Valeurs antérieures au 1er septembre 2022 non saisies : celles de l'arrêté du 31 août 2022 sont reprises", value = { "3" = "5470", "4" = "5621", "5" = "6000", "6" = "6000", "7" = "7000", "8" = "7000" } },
  { from = "2022-09-01", value = { "3" = "5470", "4" = "5621", "5" = "6000", "6" = "6000", "7" = "7000", "8" = "7000" } },
]

# D10, R7: frais annexes (accommodation, meals, first equipment).
[annexes]
label = "Frais annexes pris en charge par l'OPCO"
article = "D6332-83"
reference = "Arrêté du 30 juillet 2019 (6 € par nuitée, 3 € par repas) ; D6332-83 3° (premier équipement, plafond 500 €)"
last_checked = "2026-10-06"
unit = "EUR"
steps = [
  { from = "2021-01-01", value = { night = "6", meal = "3", equipment_cap = { "3" = "500", "4" = "500", "5" = "500", "6" = "500", "7" = "500", "8" = "500" } } },
  { from = "2026-07-30", to_confirm = true, reference = "D6332-83 3° en vigueur au 30 juillet 2026 selon code.travail.gouv.fr (29/07/2026), non corroboré : 500 € niveaux 3-4, 300 € niveau 5, rien à partir du niveau 6", value = { night = "6", meal = "3", equipment_cap = { "3" = "500", "4" = "500", "5" = "300", "6" = "0", "7" = "0", "8" = "0" } } },
]

# D14, R3a: time spent in a CFA before the contract.
[precontract]
label = "Période en CFA avant la signature du contrat"
article = "L6222-12-1 ; R6332-25 VI"
reference = "L6222-12-1 (au plus 3 mois) ; R6332-25 VI : « le montant versé … prend en compte la période passée en centre de formation d'apprentis préalable à la signature du contrat »"
last_checked = "2026-10-06"
steps = [{ from = "2021-01-01", value = { max_months = 3, days_per_year = 365 } }]

# D23, R3a, R3b: the CFA keeps the apprentice after a rupture under L6222-18, the OPCO its payments.
[post_rupture]
label = "Maintien en CFA après une rupture"
article = "L6222-18-2 ; R6332-25 VI"
reference = "L6222-18-2 : formation théorique « pendant six mois » après une rupture en application de L6222-18 ; R6332-25 VI : l'OPCO « maintient les versements … jusqu'à la signature d'un nouveau contrat d'apprentissage ou jusqu'à expiration du délai de six mois »"
last_checked = "2026-12-03"
steps = [{ from = "2021-01-01", value = { max_months = 6 } }]

# D22, L6523-2-3 2°: AKTO's ultramarine mobility, one per contract during its execution, paid as frais annexes
# (not prorated, outside the price cap, not part of the employer's charge). Only AKTO publishes an amount; the
# OPCO is the one of the contract's IDCC. The OPCO's scheme is dated by its 2026 rules only.
[ultramarine_mobility]
label = "Mobilité ultramarine"
article = "L6523-2-3 2°"
reference = "akto.fr « la mobilité ultra-marine » : 3 000 € par bénéficiaire vers l'hexagone, 2 000 € entre territoires d'outre-mer, une mobilité par contrat ; règles AKTO Propreté 2026, p. 2"
last_checked = "2026-12-03"
unit = "EUR"
steps = [{ from = "2026-01-01", value = { opco = "AKTO", to_hexagone = "3000", inter_overseas = "2000" } }]

# D16: durations that deserve a warning (not an error).
[duration_limits]
label = "Durée d'un contrat d'apprentissage"
article = "L6222-7-1 ; L6222-37"
reference = "L6222-7-1 (6 mois à 3 ans) ; L6222-37 (jusqu'à 4 ans pour un apprenti handicapé)"
last_checked = "2026-11-27"
steps = [{ from = "2021-01-01", value = { min_months = 6, max_years = 3, max_years_rqth = 4 } }]

# D13, R8: payment schedule from the OPCO to the CFA.
# `at`: "advance" = `advance_days` after the start of the execution year; "month" = first day of month `month`
# of the execution year; "next_advance" = with the next year's advance (or the final balance for the last year);
# "end" = after the end of the contract. A null share is the remainder of the year.
[schedule]
label = "Échéancier des versements de l'OPCO au CFA"
article = "R6332-25 III à V"
last_checked = "2026-10-06"
steps = [
  { from = "2021-01-01", reference = "R6332-25 III et IV (version du 31 décembre 2020) : avance de 40 %, 30 % avant la fin du septième mois, solde au dixième mois ; moins d'un an : avance de 50 %, solde à la fin", value = { advance_days = 30, multi_year = [ { kind = "advance", share = "0.40", at = "advance" }, { kind = "month_7", share = "0.30", at = "month", month = 7 }, { kind = "balance", at = "month", month = 10 } ], short = [ { kind = "advance", share = "0.50", at = "advance" }, { kind = "balance", at = "end" } ] } },
  { from = "2025-07-01", reference = "R6332-25 III à V (décret n° 2025-585 du 27 juin 2025) : 40 % dont se déduit la participation, 30 % au 7e mois, 20 % au 10e mois, solde de 10 % avec l'avance suivante ou après la fin ; moins d'un an : une seule avance de 50 %", value = { advance_days = 30, multi_year = [ { kind = "advance", share = "0.40", at = "advance" }, { kind = "month_7", share = "0.30", at = "month", month = 7 }, { kind = "month_10", share = "0.20", at = "month", month = 10 }, { kind = "balance", at = "next_advance" } ], short = [ { kind = "advance", share = "0.50", at = "advance" }, { kind = "balance", at = "end" } ] } },
]
"##;

use std::borrow::Cow;

use jiff::civil::date;

use super::literal::{by_key, dec, text};
use super::*;

/// The rule book of `financing.toml`, before its rule sets are built.
pub(super) fn rule_book() -> RuleBook {
    RuleBook {
        cache: Vec::new(),
        supported_from: Dated::generated("supported_from", RawParam {
            label: text("Contrats conclus à partir de cette date seulement"),
            article: text("R6332-25"),
            reference: text("Décret n° 2020-1739 du 29 décembre 2020 (contrats conclus à compter du 1er janvier 2021)"),
            last_checked: date(2026, 11, 27),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: true, to_confirm: false, article: None, reference: None },
            ],
        }),
        proration: Dated::generated("proration", RawParam {
            label: text("Proratisation du niveau de prise en charge"),
            article: text("R6332-25"),
            reference: text(""),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: Regime::Monthly, to_confirm: false, article: Some(text("R6332-25 VI (version du 31 décembre 2020)")), reference: Some(text("Décret n° 2020-1739 du 29 décembre 2020 : « chaque mois de contrat d'apprentissage débuté est dû »")) },
                RawStep { from: date(2025, 7, 1), value: Regime::Daily, to_confirm: false, article: Some(text("R6332-25 III")), reference: Some(text("Décret n° 2025-585 du 27 juin 2025 : « prorata temporis du nombre de jours effectués »")) },
            ],
        }),
        short_contract_majoration: Dated::generated("short_contract_majoration", RawParam {
            label: text("Majoration de 10 % des contrats de moins d'un an à durée réduite"),
            article: text("R6332-25 IV 2°"),
            reference: text("L. 6222-7-1 alinéa 3 ; R6332-25 IV 2° (versions de 2020 et de 2025)"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: dec(10, 2), to_confirm: false, article: None, reference: None },
            ],
        }),
        distance_minoration: Dated::generated("distance_minoration", RawParam {
            label: text("Minoration pour enseignement à distance"),
            article: text("D6332-82-1"),
            reference: text("Décret n° 2025-586 du 27 juin 2025"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: DistanceRule { applies: false, threshold: dec(80, 2), rate: dec(20, 2), floor: dec(4000, 0), }, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2025, 7, 1), value: DistanceRule { applies: true, threshold: dec(80, 2), rate: dec(20, 2), floor: dec(4000, 0), }, to_confirm: false, article: None, reference: None },
            ],
        }),
        distance_exemptions: Dated::generated("distance_exemptions", RawParam {
            label: text("Certifications exemptées de la minoration à distance"),
            article: text("D6332-82-1 II"),
            reference: text("Arrêté du 26 novembre 2025 (33 certifications ; liste non encore saisie)"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: DistanceExemptions { applies: false, complete: true, rncp: vec![], }, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2025, 11, 30), value: DistanceExemptions { applies: true, complete: false, rncp: vec![], }, to_confirm: false, article: None, reference: None },
            ],
        }),
        rqth_cap: Dated::generated("rqth_cap", RawParam {
            label: text("Plafond annuel de la majoration pour apprenti RQTH"),
            article: text("D6332-82"),
            reference: text("Décret n° 2020-1450 du 27 novembre 2020 ; arrêté du 7 décembre 2020"),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: dec(4000, 0), to_confirm: false, article: None, reference: None },
            ],
        }),
        participation: Dated::generated("participation", RawParam {
            label: text("Participation de l'employeur (niveau 6 et plus)"),
            article: text("L6332-14 I 1° ; R6332-25-1"),
            reference: text("Loi n° 2025-127 du 14 février 2025, art. 192 ; décret n° 2025-585 du 27 juin 2025"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: ParticipationRule { applies: false, min_level: 6, lump_sum: dec(0, 0), new_employer_lump_sum: dec(0, 0), probation_share: dec(0, 0), probation_days: 45, }, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2025, 7, 1), value: ParticipationRule { applies: true, min_level: 6, lump_sum: dec(750, 0), new_employer_lump_sum: dec(200, 0), probation_share: dec(5, 1), probation_days: 45, }, to_confirm: false, article: None, reference: None },
            ],
        }),
        amorcage: Dated::generated("amorcage", RawParam {
            label: text("Valeurs d'amorçage"),
            article: text("D6332-80"),
            reference: text("Arrêté du 31 août 2022 fixant les niveaux d'amorçage"),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: by_key([("3", dec(5470, 0)), ("4", dec(5621, 0)), ("5", dec(6000, 0)), ("6", dec(6000, 0)), ("7", dec(7000, 0)), ("8", dec(7000, 0))]), to_confirm: true, article: None, reference: Some(text("Valeurs antérieures au 1er septembre 2022 non saisies : celles de l'arrêté du 31 août 2022 sont reprises")) },
                RawStep { from: date(2022, 9, 1), value: by_key([("3", dec(5470, 0)), ("4", dec(5621, 0)), ("5", dec(6000, 0)), ("6", dec(6000, 0)), ("7", dec(7000, 0)), ("8", dec(7000, 0))]), to_confirm: false, article: None, reference: None },
            ],
        }),
        annexes: Dated::generated("annexes", RawParam {
            label: text("Frais annexes pris en charge par l'OPCO"),
            article: text("D6332-83"),
            reference: text("Arrêté du 30 juillet 2019 (6 € par nuitée, 3 € par repas) ; D6332-83 3° (premier équipement, plafond 500 €)"),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: AnnexesRule { night: dec(6, 0), meal: dec(3, 0), equipment_cap: by_key([("3", dec(500, 0)), ("4", dec(500, 0)), ("5", dec(500, 0)), ("6", dec(500, 0)), ("7", dec(500, 0)), ("8", dec(500, 0))]), }, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2026, 7, 30), value: AnnexesRule { night: dec(6, 0), meal: dec(3, 0), equipment_cap: by_key([("3", dec(500, 0)), ("4", dec(500, 0)), ("5", dec(300, 0)), ("6", dec(0, 0)), ("7", dec(0, 0)), ("8", dec(0, 0))]), }, to_confirm: true, article: None, reference: Some(text("D6332-83 3° en vigueur au 30 juillet 2026 selon code.travail.gouv.fr (29/07/2026), non corroboré : 500 € niveaux 3-4, 300 € niveau 5, rien à partir du niveau 6")) },
            ],
        }),
        precontract: Dated::generated("precontract", RawParam {
            label: text("Période en CFA avant la signature du contrat"),
            article: text("L6222-12-1 ; R6332-25 VI"),
            reference: text("L6222-12-1 (au plus 3 mois) ; R6332-25 VI : « le montant versé … prend en compte la période passée en centre de formation d'apprentis préalable à la signature du contrat »"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: PrecontractRule { max_months: 3, days_per_year: 365, }, to_confirm: false, article: None, reference: None },
            ],
        }),
        post_rupture: Dated::generated("post_rupture", RawParam {
            label: text("Maintien en CFA après une rupture"),
            article: text("L6222-18-2 ; R6332-25 VI"),
            reference: text("L6222-18-2 : formation théorique « pendant six mois » après une rupture en application de L6222-18 ; R6332-25 VI : l'OPCO « maintient les versements … jusqu'à la signature d'un nouveau contrat d'apprentissage ou jusqu'à expiration du délai de six mois »"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: PostRuptureRule { max_months: 6, }, to_confirm: false, article: None, reference: None },
            ],
        }),
        ultramarine_mobility: Dated::generated("ultramarine_mobility", RawParam {
            label: text("Mobilité ultramarine"),
            article: text("L6523-2-3 2°"),
            reference: text("akto.fr « la mobilité ultra-marine » : 3 000 € par bénéficiaire vers l'hexagone, 2 000 € entre territoires d'outre-mer, une mobilité par contrat ; règles AKTO Propreté 2026, p. 2"),
            last_checked: date(2026, 12, 3),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2026, 1, 1), value: MobilityRule { opco: text("AKTO"), to_hexagone: dec(3000, 0), inter_overseas: dec(2000, 0), }, to_confirm: false, article: None, reference: None },
            ],
        }),
        duration_limits: Dated::generated("duration_limits", RawParam {
            label: text("Durée d'un contrat d'apprentissage"),
            article: text("L6222-7-1 ; L6222-37"),
            reference: text("L6222-7-1 (6 mois à 3 ans) ; L6222-37 (jusqu'à 4 ans pour un apprenti handicapé)"),
            last_checked: date(2026, 11, 27),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: DurationLimits { min_months: 6, max_years: 3, max_years_rqth: 4, }, to_confirm: false, article: None, reference: None },
            ],
        }),
        schedule: Dated::generated("schedule", RawParam {
            label: text("Échéancier des versements de l'OPCO au CFA"),
            article: text("R6332-25 III à V"),
            reference: text(""),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: ScheduleRule { advance_days: 30, multi_year: vec![InstalmentRule { kind: Cow::Borrowed("advance"), share: Some(dec(40, 2)), at: DueAt::Advance, month: None, }, InstalmentRule { kind: Cow::Borrowed("month_7"), share: Some(dec(30, 2)), at: DueAt::Month, month: Some(7), }, InstalmentRule { kind: Cow::Borrowed("balance"), share: None, at: DueAt::Month, month: Some(10), }], short: vec![InstalmentRule { kind: Cow::Borrowed("advance"), share: Some(dec(50, 2)), at: DueAt::Advance, month: None, }, InstalmentRule { kind: Cow::Borrowed("balance"), share: None, at: DueAt::End, month: None, }], }, to_confirm: false, article: None, reference: Some(text("R6332-25 III et IV (version du 31 décembre 2020) : avance de 40 %, 30 % avant la fin du septième mois, solde au dixième mois ; moins d'un an : avance de 50 %, solde à la fin")) },
                RawStep { from: date(2025, 7, 1), value: ScheduleRule { advance_days: 30, multi_year: vec![InstalmentRule { kind: Cow::Borrowed("advance"), share: Some(dec(40, 2)), at: DueAt::Advance, month: None, }, InstalmentRule { kind: Cow::Borrowed("month_7"), share: Some(dec(30, 2)), at: DueAt::Month, month: Some(7), }, InstalmentRule { kind: Cow::Borrowed("month_10"), share: Some(dec(20, 2)), at: DueAt::Month, month: Some(10), }, InstalmentRule { kind: Cow::Borrowed("balance"), share: None, at: DueAt::NextAdvance, month: None, }], short: vec![InstalmentRule { kind: Cow::Borrowed("advance"), share: Some(dec(50, 2)), at: DueAt::Advance, month: None, }, InstalmentRule { kind: Cow::Borrowed("balance"), share: None, at: DueAt::End, month: None, }], }, to_confirm: false, article: None, reference: Some(text("R6332-25 III à V (décret n° 2025-585 du 27 juin 2025) : 40 % dont se déduit la participation, 30 % au 7e mois, 20 % au 10e mois, solde de 10 % avec l'avance suivante ou après la fin ; moins d'un an : une seule avance de 50 %")) },
            ],
        }),
    }
}
