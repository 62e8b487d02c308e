// Generated from data/parameters/contributions.toml by `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`: do not edit.
// A test fails when this file and the data differ.

/// The text of `data/parameters/contributions.toml`, as generated.
pub(crate) const CONTRIBUTIONS_TOML: &str = r##"# Dated parameters of the social contributions on an apprentice's salary (issue "the employer's whole cost"):
# employer and employee contributions of the régime général, the apprentice's own exemptions and the
# réduction générale. Same format as financing.toml; a step's `from` is the first month it applies to, except
# for `apprentice_exemption`, whose `from` is a date of conclusion (L6243-2 keys the 2025 change on it).
# Rates are shares (0.0855 = 8,55 %). Values from 2024-01-01 were checked against the Urssaf's pages and
# against mon-entreprise's rules (npm modele-social@11.1.0, MIT), which the tests use as an oracle.
#
# A contribution line (`levies`) has `employer` and `employee` rates on a slice of the gross salary: from
# `above_pss` to `up_to_pss` times the plafond de la sécurité sociale (0 = no ceiling); it applies from
# `min_headcount` employees and under `below_headcount`; `alsace_moselle` restricts it to the régime local
# (true) or to the rest of France (false); `apprentice_exempt` says its employee part is due only above the
# apprentice's exemption (L6243-2); `reduced` that the réduction générale is imputed on it; `only_above_pss`
# that it is due only when the gross exceeds the plafond (CET); `reduced_rate` an employer rate for salaries up
# to `smic_multiple` times `smic` (a frozen monthly SMIC); `base_share` a share of the slice taken as base
# (CSG-CRDS: 98,25 % up to 4 plafonds); `csg` that the apprentice's CSG-CRDS exemption applies to it.

# Plafond mensuel de la sécurité sociale, by month.
[pss_monthly]
label = "Plafond mensuel de la sécurité sociale"
article = "L241-3 ; D242-17 (CSS)"
last_checked = "2026-12-05"
unit = "EUR"
steps = [
  { from = "2024-01-01", value = "3864", reference = "Arrêté du 19 décembre 2023 portant fixation du plafond de la sécurité sociale pour 2024" },
  { from = "2025-01-01", value = "3925", reference = "Arrêté du 19 décembre 2024 portant fixation du plafond de la sécurité sociale pour 2025" },
  { from = "2026-01-01", value = "4005", reference = "Arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale pour 2026 (urssaf.fr, plafonds)" },
]

# D241-7 (CSS): the SMIC of the réduction générale is 1 820 times the hourly SMIC a year; the monthly SMIC of
# the contributions is that over 12 (the hourly rate is the monthly SMIC of employer.toml over 151,67 h,
# rounded to the cent). The apprentice's exemption is measured on the same.
[smic_annual_hours]
label = "Durée annuelle du SMIC des cotisations"
article = "D241-7 (CSS) ; L3121-27 (CT)"
last_checked = "2026-12-05"
unit = "hours"
steps = [{ from = "2019-01-01", value = 1820, reference = "1 820 heures : 35 heures × 52 semaines" }]

# L6243-2 (Code du travail), L136-1-1 III 4° b (CSS): the apprentice's employee contributions are due only on the
# part of the salary above `social_smic_share` of the SMIC; CSG-CRDS not at all (`csg_smic_share` absent), or
# only above that share. Keyed on the date of conclusion.
[apprentice_exemption]
label = "Exonération des cotisations salariales de l'apprenti"
article = "L6243-2 (CT) ; L136-1-1 III 4° b (CSS) ; D6243-5"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2019-01-01", value = { social_smic_share = "0.79" }, reference = "Contrats conclus avant le 1er mars 2025 : cotisations salariales sur la part au-delà de 79 % du SMIC, CSG-CRDS exonérées (urssaf.fr, contrat d'apprentissage, exonérations)" },
  { from = "2025-03-01", value = { social_smic_share = "0.50", csg_smic_share = "0.50" }, reference = "Loi n° 2025-199 du 28 février 2025 de financement de la sécurité sociale pour 2025, art. 22 : contrats conclus depuis le 1er mars 2025, 50 % du SMIC, CSG-CRDS comprises" },
]

# L241-13 and D241-7 (CSS): the réduction générale, by month. Coefficient = minimum + delta × ((exit_smic ×
# SMIC / gross − 1) / divisor) ^ (exponent_quarters / 4), at most minimum + delta, rounded to 4 decimals;
# none from exit_smic × SMIC.
# Before 2026 (the « Fillon » formula): T / 0,6 × (1,6 × SMIC / gross − 1), T = delta; from 2026 the RGDU.
[general_reduction]
label = "Réduction générale des cotisations patronales"
article = "L241-13 ; D241-7 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { minimum = "0", delta_under_50 = "0.3194", delta_from_50 = "0.3234", divisor = "0.6", exit_smic = "1.6", exponent_quarters = 4 }, reference = "D241-7 : T = 0,3194 (Fnal 0,10 %) ou 0,3234 (Fnal 0,50 %) en 2024 (urssaf.fr, réduction générale)" },
  { from = "2025-05-01", value = { minimum = "0", delta_under_50 = "0.3193", delta_from_50 = "0.3233", divisor = "0.6", exit_smic = "1.6", exponent_quarters = 4 }, reference = "D241-7 : T = 0,3193 ou 0,3233 à compter du 1er mai 2025 (contribution d'assurance chômage à 4 %)" },
  { from = "2026-01-01", value = { minimum = "0.02", delta_under_50 = "0.3781", delta_from_50 = "0.3821", divisor = "2", exit_smic = "3", exponent_quarters = 7 }, reference = "Réduction générale dégressive unique (RGDU), LFSS 2025 art. 19 et D241-7 : Tmin 0,02, Tdelta 0,3781 (moins de 50 salariés) ou 0,3821, puissance 1,75 (boss.gouv.fr, réforme des allègements généraux, septembre 2025)" },
]

# AT/MP: the rate is the establishment's own (its AT/MP account); without it, the national average net rate of
# the year; `minimum` is the lowest rate the réduction générale counts (D241-2-4); `max_rate` the highest rate
# accepted as input (no published rate reaches it: above, a typing error is likelier).
[atmp]
label = "Accidents du travail et maladies professionnelles"
article = "L242-5 ; D242-6-1 ; D241-2-4 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { average = "0.0212", minimum = "0.0046", max_rate = "0.2" }, reference = "Arrêté du 27 décembre 2023 relatif à la tarification des risques AT/MP pour 2024, art. 2 (taux net moyen national 2,12 %)" },
  { from = "2025-05-01", value = { average = "0.0212", minimum = "0.005", max_rate = "0.2" }, reference = "Arrêté du 29 avril 2025 relatif à la tarification des risques AT/MP pour 2025, art. 2" },
  { from = "2026-01-01", value = { average = "0.0208", minimum = "0.005", max_rate = "0.2" }, reference = "Arrêté du 30 décembre 2025 relatif à la tarification des risques AT/MP pour 2026, art. 2 (taux net moyen national 2,08 %)" },
]

# Versement mobilité: the rate is the one of the commune (urssaf.fr, moteur de recherche); due from 11 employees.
[mobility]
label = "Versement mobilité"
article = "L2333-64 ; L2531-2 (CGCT)"
last_checked = "2026-12-05"
unit = "count"
steps = [{ from = "2024-01-01", value = { min_headcount = 11, max_rate = "0.05" }, reference = "Employeurs d'au moins 11 salariés, taux fixé par l'autorité organisatrice de la mobilité" }]

# The mutuelle (complémentaire santé collective): the employer pays at least this share (L911-7 CSS). Not a
# statutory contribution: shown apart.
[health_insurance]
label = "Complémentaire santé collective (mutuelle)"
article = "L911-7 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2016-01-01", value = { min_employer_share = "0.5" }, reference = "Loi n° 2013-504 du 14 juin 2013 : au moins la moitié de la cotisation à la charge de l'employeur" }]

[maladie]
label = "Assurance maladie, maternité, invalidité, décès"
article = "L241-2 ; L241-2-1 ; D242-3 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { employer = "0.13", employee = "0", reduced = true, reduced_rate = { rate = "0.07", smic_multiple = "2.5", smic = "1747.20" } }, reference = "13 %, 7 % jusqu'à 2,5 SMIC (SMIC au 31 décembre 2023), LFSS 2024" },
  { from = "2025-01-01", value = { employer = "0.13", employee = "0", reduced = true, reduced_rate = { rate = "0.07", smic_multiple = "2.25", smic = "1766.92" } }, to_confirm = true, reference = "Loi n° 2025-199 (LFSS 2025) : taux réduit de 7 % jusqu'à 2,25 SMIC (SMIC au 1er janvier 2024, à confirmer)" },
  { from = "2026-01-01", value = { employer = "0.13", employee = "0", reduced = true }, reference = "13 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)" },
]

[maladie_alsace_moselle]
label = "Assurance maladie du régime local d'Alsace-Moselle"
article = "L242-13 ; D325-1 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0", employee = "0.013", alsace_moselle = true, apprentice_exempt = true }, reference = "1,30 % depuis le 1er avril 2022 (délibération du conseil d'administration du régime local)" }]

[vieillesse_plafonnee]
label = "Assurance vieillesse plafonnée"
article = "L241-3 ; D242-4 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0855", employee = "0.069", up_to_pss = 1, apprentice_exempt = true, reduced = true }, reference = "8,55 % et 6,90 % dans la limite du plafond" }]

[vieillesse_deplafonnee]
label = "Assurance vieillesse déplafonnée"
article = "L241-3 ; D242-4 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { employer = "0.0202", employee = "0.004", apprentice_exempt = true, reduced = true }, reference = "Décret n° 2023-1378 du 29 décembre 2023 : 2,02 % et 0,40 %" },
  { from = "2026-01-01", value = { employer = "0.0211", employee = "0.004", apprentice_exempt = true, reduced = true }, reference = "2,11 % et 0,40 % en 2026 (urssaf.fr, taux de cotisations 2026)" },
]

[allocations_familiales]
label = "Allocations familiales"
article = "L241-6 ; L241-6-1 ; D241-3-1 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { employer = "0.0525", employee = "0", reduced = true, reduced_rate = { rate = "0.0345", smic_multiple = "3.5", smic = "1747.20" } }, reference = "5,25 %, 3,45 % jusqu'à 3,5 SMIC (SMIC au 31 décembre 2023)" },
  { from = "2025-01-01", value = { employer = "0.0525", employee = "0", reduced = true, reduced_rate = { rate = "0.0345", smic_multiple = "3.3", smic = "1766.92" } }, to_confirm = true, reference = "LFSS 2025 : taux réduit jusqu'à 3,3 SMIC (SMIC au 1er janvier 2024, à confirmer)" },
  { from = "2026-01-01", value = { employer = "0.0525", employee = "0", reduced = true }, reference = "5,25 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)" },
]

[csa]
label = "Contribution solidarité autonomie"
article = "L14-10-4 (CASF)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.003", employee = "0", reduced = true }, reference = "0,30 %" }]

[fnal_under_50]
label = "Fonds national d'aide au logement (moins de 50 salariés)"
article = "L834-1 ; R834-7 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.001", employee = "0", up_to_pss = 1, below_headcount = 50, reduced = true }, reference = "0,10 % dans la limite du plafond" }]

[fnal_from_50]
label = "Fonds national d'aide au logement (50 salariés et plus)"
article = "L834-1 ; R834-7 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.005", employee = "0", min_headcount = 50, reduced = true }, reference = "0,50 % sur la totalité" }]

[chomage]
label = "Assurance chômage"
article = "L5422-9 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { employer = "0.0405", employee = "0", up_to_pss = 4, reduced = true }, reference = "4,05 % dans la limite de 4 plafonds" },
  { from = "2025-05-01", value = { employer = "0.04", employee = "0", up_to_pss = 4, reduced = true }, reference = "4,00 % depuis le 1er mai 2025 (convention d'assurance chômage du 15 novembre 2024)" },
]

[ags]
label = "Garantie des salaires (AGS)"
article = "L3253-18 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [
  { from = "2024-01-01", value = { employer = "0.002", employee = "0", up_to_pss = 4 }, reference = "0,20 % (conseil d'administration de l'AGS)" },
  { from = "2024-07-01", value = { employer = "0.0025", employee = "0", up_to_pss = 4 }, reference = "0,25 % depuis le 1er juillet 2024 (conseil d'administration de l'AGS)" },
]

[retraite_complementaire_t1]
label = "Retraite complémentaire Agirc-Arrco, tranche 1"
article = "ANI du 17 novembre 2017 ; L921-1 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0472", employee = "0.0315", up_to_pss = 1, apprentice_exempt = true, reduced = true }, reference = "7,87 % (60 % employeur, 40 % salarié) jusqu'au plafond" }]

[retraite_complementaire_t2]
label = "Retraite complémentaire Agirc-Arrco, tranche 2"
article = "ANI du 17 novembre 2017 ; L921-1 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.1295", employee = "0.0864", above_pss = 1, up_to_pss = 8, apprentice_exempt = true }, reference = "21,59 % de 1 à 8 plafonds" }]

[ceg_t1]
label = "Contribution d'équilibre général, tranche 1"
article = "ANI du 17 novembre 2017"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0129", employee = "0.0086", up_to_pss = 1, apprentice_exempt = true, reduced = true }, reference = "2,15 % jusqu'au plafond" }]

[ceg_t2]
label = "Contribution d'équilibre général, tranche 2"
article = "ANI du 17 novembre 2017"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0162", employee = "0.0108", above_pss = 1, up_to_pss = 8, apprentice_exempt = true }, reference = "2,70 % de 1 à 8 plafonds" }]

[cet]
label = "Contribution d'équilibre technique"
article = "ANI du 17 novembre 2017"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0021", employee = "0.0014", up_to_pss = 8, only_above_pss = true, apprentice_exempt = true }, reference = "0,35 % jusqu'à 8 plafonds, pour un salaire au-delà du plafond" }]

[dialogue_social]
label = "Contribution au dialogue social"
article = "L2135-10 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.00016", employee = "0" }, reference = "0,016 %" }]

[formation_professionnelle]
label = "Contribution à la formation professionnelle"
article = "L6131-1 ; L6331-3 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.01", employee = "0", min_headcount = 11 }, reference = "1 % à partir de 11 salariés ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés (urssaf.fr, contrat d'apprentissage)" }]

[taxe_apprentissage]
label = "Taxe d'apprentissage"
article = "L6241-1 ; L6241-1-1 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0059", employee = "0", min_headcount = 11, alsace_moselle = false }, reference = "0,59 % ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés" }]

[taxe_apprentissage_alsace_moselle]
label = "Taxe d'apprentissage (Alsace-Moselle)"
article = "L6241-1 ; L6241-4 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0044", employee = "0", min_headcount = 11, alsace_moselle = true }, reference = "0,44 % dans le Bas-Rhin, le Haut-Rhin et la Moselle, sans solde" }]

[taxe_apprentissage_solde]
label = "Solde de la taxe d'apprentissage"
article = "L6241-2 (CT)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0009", employee = "0", min_headcount = 11, alsace_moselle = false }, reference = "0,09 %" }]

[peec]
label = "Participation à l'effort de construction"
article = "L313-1 (CCH)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0.0045", employee = "0", min_headcount = 50 }, reference = "0,45 % à partir de 50 salariés" }]

[csg]
label = "CSG"
article = "L136-1 ; L136-1-2 ; L136-8 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0", employee = "0.092", base_share = "0.9825", base_share_up_to_pss = 4, csg = true }, reference = "9,20 % (6,80 % déductible, 2,40 % non déductible) sur 98,25 % du salaire jusqu'à 4 plafonds" }]

[crds]
label = "CRDS"
article = "Ordonnance n° 96-50 du 24 janvier 1996, art. 14 ; L136-1-2 (CSS)"
last_checked = "2026-12-05"
unit = "share"
steps = [{ from = "2024-01-01", value = { employer = "0", employee = "0.005", base_share = "0.9825", base_share_up_to_pss = 4, csg = true }, reference = "0,50 % sur 98,25 % du salaire jusqu'à 4 plafonds" }]
"##;

use jiff::civil::date;
use rust_decimal::Decimal;

use super::book::*;
use crate::rules::literal::cdec;
use crate::rules::{Dated, StaticParam, StaticStep};

/// The contribution book of `contributions.toml`.
pub(super) fn contribution_book() -> ContributionBook {
    ContributionBook {
        pss_monthly: Dated::from_static("pss_monthly", &PSS_MONTHLY),
        smic_annual_hours: Dated::from_static("smic_annual_hours", &SMIC_ANNUAL_HOURS),
        apprentice_exemption: Dated::from_static("apprentice_exemption", &APPRENTICE_EXEMPTION),
        general_reduction: Dated::from_static("general_reduction", &GENERAL_REDUCTION),
        atmp: Dated::from_static("atmp", &ATMP),
        mobility: Dated::from_static("mobility", &MOBILITY),
        health_insurance: Dated::from_static("health_insurance", &HEALTH_INSURANCE),
        levies: LEVIES.iter().map(|(name, p)| Dated::from_static(name, p)).collect(),
        changes: std::sync::OnceLock::new(),
    }
}

static PSS_MONTHLY: StaticParam<Decimal> = StaticParam { label: "Plafond mensuel de la sécurité sociale", article: "L241-3 ; D242-17 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("EUR"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: cdec(3864, 0), to_confirm: false, article: None, reference: Some("Arrêté du 19 décembre 2023 portant fixation du plafond de la sécurité sociale pour 2024") },
    StaticStep { from: date(2025, 1, 1), value: cdec(3925, 0), to_confirm: false, article: None, reference: Some("Arrêté du 19 décembre 2024 portant fixation du plafond de la sécurité sociale pour 2025") },
    StaticStep { from: date(2026, 1, 1), value: cdec(4005, 0), to_confirm: false, article: None, reference: Some("Arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale pour 2026 (urssaf.fr, plafonds)") },
] };

static SMIC_ANNUAL_HOURS: StaticParam<u32> = StaticParam { label: "Durée annuelle du SMIC des cotisations", article: "D241-7 (CSS) ; L3121-27 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("hours"), steps: &[
    StaticStep { from: date(2019, 1, 1), value: 1820, to_confirm: false, article: None, reference: Some("1 820 heures : 35 heures × 52 semaines") },
] };

static APPRENTICE_EXEMPTION: StaticParam<ExemptionRule> = StaticParam { label: "Exonération des cotisations salariales de l'apprenti", article: "L6243-2 (CT) ; L136-1-1 III 4° b (CSS) ; D6243-5", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2019, 1, 1), value: ExemptionRule { social_smic_share: cdec(79, 2), csg_smic_share: None, }, to_confirm: false, article: None, reference: Some("Contrats conclus avant le 1er mars 2025 : cotisations salariales sur la part au-delà de 79 % du SMIC, CSG-CRDS exonérées (urssaf.fr, contrat d'apprentissage, exonérations)") },
    StaticStep { from: date(2025, 3, 1), value: ExemptionRule { social_smic_share: cdec(50, 2), csg_smic_share: Some(cdec(50, 2)), }, to_confirm: false, article: None, reference: Some("Loi n° 2025-199 du 28 février 2025 de financement de la sécurité sociale pour 2025, art. 22 : contrats conclus depuis le 1er mars 2025, 50 % du SMIC, CSG-CRDS comprises") },
] };

static GENERAL_REDUCTION: StaticParam<ReductionRule> = StaticParam { label: "Réduction générale des cotisations patronales", article: "L241-13 ; D241-7 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: ReductionRule { minimum: cdec(0, 0), delta_under_50: cdec(3194, 4), delta_from_50: cdec(3234, 4), divisor: cdec(6, 1), exit_smic: cdec(16, 1), exponent_quarters: 4, }, to_confirm: false, article: None, reference: Some("D241-7 : T = 0,3194 (Fnal 0,10 %) ou 0,3234 (Fnal 0,50 %) en 2024 (urssaf.fr, réduction générale)") },
    StaticStep { from: date(2025, 5, 1), value: ReductionRule { minimum: cdec(0, 0), delta_under_50: cdec(3193, 4), delta_from_50: cdec(3233, 4), divisor: cdec(6, 1), exit_smic: cdec(16, 1), exponent_quarters: 4, }, to_confirm: false, article: None, reference: Some("D241-7 : T = 0,3193 ou 0,3233 à compter du 1er mai 2025 (contribution d'assurance chômage à 4 %)") },
    StaticStep { from: date(2026, 1, 1), value: ReductionRule { minimum: cdec(2, 2), delta_under_50: cdec(3781, 4), delta_from_50: cdec(3821, 4), divisor: cdec(2, 0), exit_smic: cdec(3, 0), exponent_quarters: 7, }, to_confirm: false, article: None, reference: Some("Réduction générale dégressive unique (RGDU), LFSS 2025 art. 19 et D241-7 : Tmin 0,02, Tdelta 0,3781 (moins de 50 salariés) ou 0,3821, puissance 1,75 (boss.gouv.fr, réforme des allègements généraux, septembre 2025)") },
] };

static ATMP: StaticParam<AtmpRule> = StaticParam { label: "Accidents du travail et maladies professionnelles", article: "L242-5 ; D242-6-1 ; D241-2-4 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: AtmpRule { average: cdec(212, 4), minimum: cdec(46, 4), max_rate: cdec(2, 1), }, to_confirm: false, article: None, reference: Some("Arrêté du 27 décembre 2023 relatif à la tarification des risques AT/MP pour 2024, art. 2 (taux net moyen national 2,12 %)") },
    StaticStep { from: date(2025, 5, 1), value: AtmpRule { average: cdec(212, 4), minimum: cdec(5, 3), max_rate: cdec(2, 1), }, to_confirm: false, article: None, reference: Some("Arrêté du 29 avril 2025 relatif à la tarification des risques AT/MP pour 2025, art. 2") },
    StaticStep { from: date(2026, 1, 1), value: AtmpRule { average: cdec(208, 4), minimum: cdec(5, 3), max_rate: cdec(2, 1), }, to_confirm: false, article: None, reference: Some("Arrêté du 30 décembre 2025 relatif à la tarification des risques AT/MP pour 2026, art. 2 (taux net moyen national 2,08 %)") },
] };

static MOBILITY: StaticParam<TransportRule> = StaticParam { label: "Versement mobilité", article: "L2333-64 ; L2531-2 (CGCT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("count"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: TransportRule { min_headcount: 11, max_rate: cdec(5, 2), }, to_confirm: false, article: None, reference: Some("Employeurs d'au moins 11 salariés, taux fixé par l'autorité organisatrice de la mobilité") },
] };

static HEALTH_INSURANCE: StaticParam<HealthInsuranceRule> = StaticParam { label: "Complémentaire santé collective (mutuelle)", article: "L911-7 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2016, 1, 1), value: HealthInsuranceRule { min_employer_share: cdec(5, 1), }, to_confirm: false, article: None, reference: Some("Loi n° 2013-504 du 14 juin 2013 : au moins la moitié de la cotisation à la charge de l'employeur") },
] };

static LEVIES: [(&str, StaticParam<LevyRule>); 23] = [
("maladie", StaticParam { label: "Assurance maladie, maternité, invalidité, décès", article: "L241-2 ; L241-2-1 ; D242-3 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(13, 2), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: cdec(7, 2), smic_multiple: cdec(25, 1), smic: cdec(174720, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("13 %, 7 % jusqu'à 2,5 SMIC (SMIC au 31 décembre 2023), LFSS 2024") },
    StaticStep { from: date(2025, 1, 1), value: LevyRule { employer: cdec(13, 2), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: cdec(7, 2), smic_multiple: cdec(225, 2), smic: cdec(176692, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: true, article: None, reference: Some("Loi n° 2025-199 (LFSS 2025) : taux réduit de 7 % jusqu'à 2,25 SMIC (SMIC au 1er janvier 2024, à confirmer)") },
    StaticStep { from: date(2026, 1, 1), value: LevyRule { employer: cdec(13, 2), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("13 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)") },
] }),
("maladie_alsace_moselle", StaticParam { label: "Assurance maladie du régime local d'Alsace-Moselle", article: "L242-13 ; D325-1 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(0, 0), employee: cdec(13, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: Some(true), apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("1,30 % depuis le 1er avril 2022 (délibération du conseil d'administration du régime local)") },
] }),
("vieillesse_plafonnee", StaticParam { label: "Assurance vieillesse plafonnée", article: "L241-3 ; D242-4 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(855, 4), employee: cdec(69, 3), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("8,55 % et 6,90 % dans la limite du plafond") },
] }),
("vieillesse_deplafonnee", StaticParam { label: "Assurance vieillesse déplafonnée", article: "L241-3 ; D242-4 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(202, 4), employee: cdec(4, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("Décret n° 2023-1378 du 29 décembre 2023 : 2,02 % et 0,40 %") },
    StaticStep { from: date(2026, 1, 1), value: LevyRule { employer: cdec(211, 4), employee: cdec(4, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("2,11 % et 0,40 % en 2026 (urssaf.fr, taux de cotisations 2026)") },
] }),
("allocations_familiales", StaticParam { label: "Allocations familiales", article: "L241-6 ; L241-6-1 ; D241-3-1 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(525, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: cdec(345, 4), smic_multiple: cdec(35, 1), smic: cdec(174720, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("5,25 %, 3,45 % jusqu'à 3,5 SMIC (SMIC au 31 décembre 2023)") },
    StaticStep { from: date(2025, 1, 1), value: LevyRule { employer: cdec(525, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: cdec(345, 4), smic_multiple: cdec(33, 1), smic: cdec(176692, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: true, article: None, reference: Some("LFSS 2025 : taux réduit jusqu'à 3,3 SMIC (SMIC au 1er janvier 2024, à confirmer)") },
    StaticStep { from: date(2026, 1, 1), value: LevyRule { employer: cdec(525, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("5,25 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)") },
] }),
("csa", StaticParam { label: "Contribution solidarité autonomie", article: "L14-10-4 (CASF)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(3, 3), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,30 %") },
] }),
("fnal_under_50", StaticParam { label: "Fonds national d'aide au logement (moins de 50 salariés)", article: "L834-1 ; R834-7 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(1, 3), employee: cdec(0, 0), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: Some(50), alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,10 % dans la limite du plafond") },
] }),
("fnal_from_50", StaticParam { label: "Fonds national d'aide au logement (50 salariés et plus)", article: "L834-1 ; R834-7 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(5, 3), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 50, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,50 % sur la totalité") },
] }),
("chomage", StaticParam { label: "Assurance chômage", article: "L5422-9 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(405, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("4,05 % dans la limite de 4 plafonds") },
    StaticStep { from: date(2025, 5, 1), value: LevyRule { employer: cdec(4, 2), employee: cdec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("4,00 % depuis le 1er mai 2025 (convention d'assurance chômage du 15 novembre 2024)") },
] }),
("ags", StaticParam { label: "Garantie des salaires (AGS)", article: "L3253-18 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(2, 3), employee: cdec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,20 % (conseil d'administration de l'AGS)") },
    StaticStep { from: date(2024, 7, 1), value: LevyRule { employer: cdec(25, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,25 % depuis le 1er juillet 2024 (conseil d'administration de l'AGS)") },
] }),
("retraite_complementaire_t1", StaticParam { label: "Retraite complémentaire Agirc-Arrco, tranche 1", article: "ANI du 17 novembre 2017 ; L921-1 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(472, 4), employee: cdec(315, 4), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("7,87 % (60 % employeur, 40 % salarié) jusqu'au plafond") },
] }),
("retraite_complementaire_t2", StaticParam { label: "Retraite complémentaire Agirc-Arrco, tranche 2", article: "ANI du 17 novembre 2017 ; L921-1 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(1295, 4), employee: cdec(864, 4), above_pss: 1, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("21,59 % de 1 à 8 plafonds") },
] }),
("ceg_t1", StaticParam { label: "Contribution d'équilibre général, tranche 1", article: "ANI du 17 novembre 2017", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(129, 4), employee: cdec(86, 4), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("2,15 % jusqu'au plafond") },
] }),
("ceg_t2", StaticParam { label: "Contribution d'équilibre général, tranche 2", article: "ANI du 17 novembre 2017", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(162, 4), employee: cdec(108, 4), above_pss: 1, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("2,70 % de 1 à 8 plafonds") },
] }),
("cet", StaticParam { label: "Contribution d'équilibre technique", article: "ANI du 17 novembre 2017", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(21, 4), employee: cdec(14, 4), above_pss: 0, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: true, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,35 % jusqu'à 8 plafonds, pour un salaire au-delà du plafond") },
] }),
("dialogue_social", StaticParam { label: "Contribution au dialogue social", article: "L2135-10 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(16, 5), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,016 %") },
] }),
("formation_professionnelle", StaticParam { label: "Contribution à la formation professionnelle", article: "L6131-1 ; L6331-3 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(1, 2), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("1 % à partir de 11 salariés ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés (urssaf.fr, contrat d'apprentissage)") },
] }),
("taxe_apprentissage", StaticParam { label: "Taxe d'apprentissage", article: "L6241-1 ; L6241-1-1 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(59, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(false), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,59 % ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés") },
] }),
("taxe_apprentissage_alsace_moselle", StaticParam { label: "Taxe d'apprentissage (Alsace-Moselle)", article: "L6241-1 ; L6241-4 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(44, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(true), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,44 % dans le Bas-Rhin, le Haut-Rhin et la Moselle, sans solde") },
] }),
("taxe_apprentissage_solde", StaticParam { label: "Solde de la taxe d'apprentissage", article: "L6241-2 (CT)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(9, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(false), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,09 %") },
] }),
("peec", StaticParam { label: "Participation à l'effort de construction", article: "L313-1 (CCH)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(45, 4), employee: cdec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 50, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some("0,45 % à partir de 50 salariés") },
] }),
("csg", StaticParam { label: "CSG", article: "L136-1 ; L136-1-2 ; L136-8 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(0, 0), employee: cdec(92, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: Some(cdec(9825, 4)), base_share_up_to_pss: 4, csg: true, }, to_confirm: false, article: None, reference: Some("9,20 % (6,80 % déductible, 2,40 % non déductible) sur 98,25 % du salaire jusqu'à 4 plafonds") },
] }),
("crds", StaticParam { label: "CRDS", article: "Ordonnance n° 96-50 du 24 janvier 1996, art. 14 ; L136-1-2 (CSS)", reference: "", last_checked: 
date(2026, 12, 5), unit: Some("share"), steps: &[
    StaticStep { from: date(2024, 1, 1), value: LevyRule { employer: cdec(0, 0), employee: cdec(5, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: Some(cdec(9825, 4)), base_share_up_to_pss: 4, csg: true, }, to_confirm: false, article: None, reference: Some("0,50 % sur 98,25 % du salaire jusqu'à 4 plafonds") },
] }),
];
