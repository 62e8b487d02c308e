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

use super::book::*;
use crate::rules::literal::{dec, text};
use crate::rules::{Dated, RawParam, RawStep};

/// The contribution book of `contributions.toml`.
pub(super) fn contribution_book() -> ContributionBook {
    ContributionBook {
        pss_monthly: Dated::generated("pss_monthly", RawParam {
            label: text("Plafond mensuel de la sécurité sociale"),
            article: text("L241-3 ; D242-17 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: dec(3864, 0), to_confirm: false, article: None, reference: Some(text("Arrêté du 19 décembre 2023 portant fixation du plafond de la sécurité sociale pour 2024")) },
                RawStep { from: date(2025, 1, 1), value: dec(3925, 0), to_confirm: false, article: None, reference: Some(text("Arrêté du 19 décembre 2024 portant fixation du plafond de la sécurité sociale pour 2025")) },
                RawStep { from: date(2026, 1, 1), value: dec(4005, 0), to_confirm: false, article: None, reference: Some(text("Arrêté du 22 décembre 2025 portant fixation du plafond de la sécurité sociale pour 2026 (urssaf.fr, plafonds)")) },
            ],
        }),
        smic_annual_hours: Dated::generated("smic_annual_hours", RawParam {
            label: text("Durée annuelle du SMIC des cotisations"),
            article: text("D241-7 (CSS) ; L3121-27 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("hours")),
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: 1820, to_confirm: false, article: None, reference: Some(text("1 820 heures : 35 heures × 52 semaines")) },
            ],
        }),
        apprentice_exemption: Dated::generated("apprentice_exemption", RawParam {
            label: text("Exonération des cotisations salariales de l'apprenti"),
            article: text("L6243-2 (CT) ; L136-1-1 III 4° b (CSS) ; D6243-5"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: ExemptionRule { social_smic_share: dec(79, 2), csg_smic_share: None, }, to_confirm: false, article: None, reference: Some(text("Contrats conclus avant le 1er mars 2025 : cotisations salariales sur la part au-delà de 79 % du SMIC, CSG-CRDS exonérées (urssaf.fr, contrat d'apprentissage, exonérations)")) },
                RawStep { from: date(2025, 3, 1), value: ExemptionRule { social_smic_share: dec(50, 2), csg_smic_share: Some(dec(50, 2)), }, to_confirm: false, article: None, reference: Some(text("Loi n° 2025-199 du 28 février 2025 de financement de la sécurité sociale pour 2025, art. 22 : contrats conclus depuis le 1er mars 2025, 50 % du SMIC, CSG-CRDS comprises")) },
            ],
        }),
        general_reduction: Dated::generated("general_reduction", RawParam {
            label: text("Réduction générale des cotisations patronales"),
            article: text("L241-13 ; D241-7 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: ReductionRule { minimum: dec(0, 0), delta_under_50: dec(3194, 4), delta_from_50: dec(3234, 4), divisor: dec(6, 1), exit_smic: dec(16, 1), exponent_quarters: 4, }, to_confirm: false, article: None, reference: Some(text("D241-7 : T = 0,3194 (Fnal 0,10 %) ou 0,3234 (Fnal 0,50 %) en 2024 (urssaf.fr, réduction générale)")) },
                RawStep { from: date(2025, 5, 1), value: ReductionRule { minimum: dec(0, 0), delta_under_50: dec(3193, 4), delta_from_50: dec(3233, 4), divisor: dec(6, 1), exit_smic: dec(16, 1), exponent_quarters: 4, }, to_confirm: false, article: None, reference: Some(text("D241-7 : T = 0,3193 ou 0,3233 à compter du 1er mai 2025 (contribution d'assurance chômage à 4 %)")) },
                RawStep { from: date(2026, 1, 1), value: ReductionRule { minimum: dec(2, 2), delta_under_50: dec(3781, 4), delta_from_50: dec(3821, 4), divisor: dec(2, 0), exit_smic: dec(3, 0), exponent_quarters: 7, }, to_confirm: false, article: None, reference: Some(text("Réduction générale dégressive unique (RGDU), LFSS 2025 art. 19 et D241-7 : Tmin 0,02, Tdelta 0,3781 (moins de 50 salariés) ou 0,3821, puissance 1,75 (boss.gouv.fr, réforme des allègements généraux, septembre 2025)")) },
            ],
        }),
        atmp: Dated::generated("atmp", RawParam {
            label: text("Accidents du travail et maladies professionnelles"),
            article: text("L242-5 ; D242-6-1 ; D241-2-4 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: AtmpRule { average: dec(212, 4), minimum: dec(46, 4), max_rate: dec(2, 1), }, to_confirm: false, article: None, reference: Some(text("Arrêté du 27 décembre 2023 relatif à la tarification des risques AT/MP pour 2024, art. 2 (taux net moyen national 2,12 %)")) },
                RawStep { from: date(2025, 5, 1), value: AtmpRule { average: dec(212, 4), minimum: dec(5, 3), max_rate: dec(2, 1), }, to_confirm: false, article: None, reference: Some(text("Arrêté du 29 avril 2025 relatif à la tarification des risques AT/MP pour 2025, art. 2")) },
                RawStep { from: date(2026, 1, 1), value: AtmpRule { average: dec(208, 4), minimum: dec(5, 3), max_rate: dec(2, 1), }, to_confirm: false, article: None, reference: Some(text("Arrêté du 30 décembre 2025 relatif à la tarification des risques AT/MP pour 2026, art. 2 (taux net moyen national 2,08 %)")) },
            ],
        }),
        mobility: Dated::generated("mobility", RawParam {
            label: text("Versement mobilité"),
            article: text("L2333-64 ; L2531-2 (CGCT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("count")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: TransportRule { min_headcount: 11, max_rate: dec(5, 2), }, to_confirm: false, article: None, reference: Some(text("Employeurs d'au moins 11 salariés, taux fixé par l'autorité organisatrice de la mobilité")) },
            ],
        }),
        health_insurance: Dated::generated("health_insurance", RawParam {
            label: text("Complémentaire santé collective (mutuelle)"),
            article: text("L911-7 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2016, 1, 1), value: HealthInsuranceRule { min_employer_share: dec(5, 1), }, to_confirm: false, article: None, reference: Some(text("Loi n° 2013-504 du 14 juin 2013 : au moins la moitié de la cotisation à la charge de l'employeur")) },
            ],
        }),
        levies: vec![
        Dated::generated("maladie", RawParam {
            label: text("Assurance maladie, maternité, invalidité, décès"),
            article: text("L241-2 ; L241-2-1 ; D242-3 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(13, 2), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: dec(7, 2), smic_multiple: dec(25, 1), smic: dec(174720, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("13 %, 7 % jusqu'à 2,5 SMIC (SMIC au 31 décembre 2023), LFSS 2024")) },
                RawStep { from: date(2025, 1, 1), value: LevyRule { employer: dec(13, 2), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: dec(7, 2), smic_multiple: dec(225, 2), smic: dec(176692, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: true, article: None, reference: Some(text("Loi n° 2025-199 (LFSS 2025) : taux réduit de 7 % jusqu'à 2,25 SMIC (SMIC au 1er janvier 2024, à confirmer)")) },
                RawStep { from: date(2026, 1, 1), value: LevyRule { employer: dec(13, 2), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("13 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)")) },
            ],
        }),
        Dated::generated("maladie_alsace_moselle", RawParam {
            label: text("Assurance maladie du régime local d'Alsace-Moselle"),
            article: text("L242-13 ; D325-1 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(0, 0), employee: dec(13, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: Some(true), apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("1,30 % depuis le 1er avril 2022 (délibération du conseil d'administration du régime local)")) },
            ],
        }),
        Dated::generated("vieillesse_plafonnee", RawParam {
            label: text("Assurance vieillesse plafonnée"),
            article: text("L241-3 ; D242-4 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(855, 4), employee: dec(69, 3), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("8,55 % et 6,90 % dans la limite du plafond")) },
            ],
        }),
        Dated::generated("vieillesse_deplafonnee", RawParam {
            label: text("Assurance vieillesse déplafonnée"),
            article: text("L241-3 ; D242-4 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(202, 4), employee: dec(4, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("Décret n° 2023-1378 du 29 décembre 2023 : 2,02 % et 0,40 %")) },
                RawStep { from: date(2026, 1, 1), value: LevyRule { employer: dec(211, 4), employee: dec(4, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("2,11 % et 0,40 % en 2026 (urssaf.fr, taux de cotisations 2026)")) },
            ],
        }),
        Dated::generated("allocations_familiales", RawParam {
            label: text("Allocations familiales"),
            article: text("L241-6 ; L241-6-1 ; D241-3-1 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(525, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: dec(345, 4), smic_multiple: dec(35, 1), smic: dec(174720, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("5,25 %, 3,45 % jusqu'à 3,5 SMIC (SMIC au 31 décembre 2023)")) },
                RawStep { from: date(2025, 1, 1), value: LevyRule { employer: dec(525, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: Some(ReducedRate { rate: dec(345, 4), smic_multiple: dec(33, 1), smic: dec(176692, 2), }), base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: true, article: None, reference: Some(text("LFSS 2025 : taux réduit jusqu'à 3,3 SMIC (SMIC au 1er janvier 2024, à confirmer)")) },
                RawStep { from: date(2026, 1, 1), value: LevyRule { employer: dec(525, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("5,25 % : le taux réduit est fondu dans la RGDU au 1er janvier 2026 (sauf Lodeom)")) },
            ],
        }),
        Dated::generated("csa", RawParam {
            label: text("Contribution solidarité autonomie"),
            article: text("L14-10-4 (CASF)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(3, 3), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,30 %")) },
            ],
        }),
        Dated::generated("fnal_under_50", RawParam {
            label: text("Fonds national d'aide au logement (moins de 50 salariés)"),
            article: text("L834-1 ; R834-7 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(1, 3), employee: dec(0, 0), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: Some(50), alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,10 % dans la limite du plafond")) },
            ],
        }),
        Dated::generated("fnal_from_50", RawParam {
            label: text("Fonds national d'aide au logement (50 salariés et plus)"),
            article: text("L834-1 ; R834-7 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(5, 3), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 50, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,50 % sur la totalité")) },
            ],
        }),
        Dated::generated("chomage", RawParam {
            label: text("Assurance chômage"),
            article: text("L5422-9 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(405, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("4,05 % dans la limite de 4 plafonds")) },
                RawStep { from: date(2025, 5, 1), value: LevyRule { employer: dec(4, 2), employee: dec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("4,00 % depuis le 1er mai 2025 (convention d'assurance chômage du 15 novembre 2024)")) },
            ],
        }),
        Dated::generated("ags", RawParam {
            label: text("Garantie des salaires (AGS)"),
            article: text("L3253-18 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(2, 3), employee: dec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,20 % (conseil d'administration de l'AGS)")) },
                RawStep { from: date(2024, 7, 1), value: LevyRule { employer: dec(25, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 4, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,25 % depuis le 1er juillet 2024 (conseil d'administration de l'AGS)")) },
            ],
        }),
        Dated::generated("retraite_complementaire_t1", RawParam {
            label: text("Retraite complémentaire Agirc-Arrco, tranche 1"),
            article: text("ANI du 17 novembre 2017 ; L921-1 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(472, 4), employee: dec(315, 4), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("7,87 % (60 % employeur, 40 % salarié) jusqu'au plafond")) },
            ],
        }),
        Dated::generated("retraite_complementaire_t2", RawParam {
            label: text("Retraite complémentaire Agirc-Arrco, tranche 2"),
            article: text("ANI du 17 novembre 2017 ; L921-1 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(1295, 4), employee: dec(864, 4), above_pss: 1, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("21,59 % de 1 à 8 plafonds")) },
            ],
        }),
        Dated::generated("ceg_t1", RawParam {
            label: text("Contribution d'équilibre général, tranche 1"),
            article: text("ANI du 17 novembre 2017"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(129, 4), employee: dec(86, 4), above_pss: 0, up_to_pss: 1, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: true, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("2,15 % jusqu'au plafond")) },
            ],
        }),
        Dated::generated("ceg_t2", RawParam {
            label: text("Contribution d'équilibre général, tranche 2"),
            article: text("ANI du 17 novembre 2017"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(162, 4), employee: dec(108, 4), above_pss: 1, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("2,70 % de 1 à 8 plafonds")) },
            ],
        }),
        Dated::generated("cet", RawParam {
            label: text("Contribution d'équilibre technique"),
            article: text("ANI du 17 novembre 2017"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(21, 4), employee: dec(14, 4), above_pss: 0, up_to_pss: 8, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: true, reduced: false, only_above_pss: true, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,35 % jusqu'à 8 plafonds, pour un salaire au-delà du plafond")) },
            ],
        }),
        Dated::generated("dialogue_social", RawParam {
            label: text("Contribution au dialogue social"),
            article: text("L2135-10 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(16, 5), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,016 %")) },
            ],
        }),
        Dated::generated("formation_professionnelle", RawParam {
            label: text("Contribution à la formation professionnelle"),
            article: text("L6131-1 ; L6331-3 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(1, 2), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("1 % à partir de 11 salariés ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés (urssaf.fr, contrat d'apprentissage)")) },
            ],
        }),
        Dated::generated("taxe_apprentissage", RawParam {
            label: text("Taxe d'apprentissage"),
            article: text("L6241-1 ; L6241-1-1 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(59, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(false), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,59 % ; les salaires des apprentis des employeurs de moins de 11 salariés en sont exonérés")) },
            ],
        }),
        Dated::generated("taxe_apprentissage_alsace_moselle", RawParam {
            label: text("Taxe d'apprentissage (Alsace-Moselle)"),
            article: text("L6241-1 ; L6241-4 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(44, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(true), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,44 % dans le Bas-Rhin, le Haut-Rhin et la Moselle, sans solde")) },
            ],
        }),
        Dated::generated("taxe_apprentissage_solde", RawParam {
            label: text("Solde de la taxe d'apprentissage"),
            article: text("L6241-2 (CT)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(9, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 11, below_headcount: None, alsace_moselle: Some(false), apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,09 %")) },
            ],
        }),
        Dated::generated("peec", RawParam {
            label: text("Participation à l'effort de construction"),
            article: text("L313-1 (CCH)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(45, 4), employee: dec(0, 0), above_pss: 0, up_to_pss: 0, min_headcount: 50, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: None, base_share_up_to_pss: 0, csg: false, }, to_confirm: false, article: None, reference: Some(text("0,45 % à partir de 50 salariés")) },
            ],
        }),
        Dated::generated("csg", RawParam {
            label: text("CSG"),
            article: text("L136-1 ; L136-1-2 ; L136-8 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(0, 0), employee: dec(92, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: Some(dec(9825, 4)), base_share_up_to_pss: 4, csg: true, }, to_confirm: false, article: None, reference: Some(text("9,20 % (6,80 % déductible, 2,40 % non déductible) sur 98,25 % du salaire jusqu'à 4 plafonds")) },
            ],
        }),
        Dated::generated("crds", RawParam {
            label: text("CRDS"),
            article: text("Ordonnance n° 96-50 du 24 janvier 1996, art. 14 ; L136-1-2 (CSS)"),
            reference: text(""),
            last_checked: date(2026, 12, 5),
            unit: Some(text("share")),
            steps: vec![
                RawStep { from: date(2024, 1, 1), value: LevyRule { employer: dec(0, 0), employee: dec(5, 3), above_pss: 0, up_to_pss: 0, min_headcount: 0, below_headcount: None, alsace_moselle: None, apprentice_exempt: false, reduced: false, only_above_pss: false, reduced_rate: None, base_share: Some(dec(9825, 4)), base_share_up_to_pss: 4, csg: true, }, to_confirm: false, article: None, reference: Some(text("0,50 % sur 98,25 % du salaire jusqu'à 4 plafonds")) },
            ],
        }),
        ],
    }
}
