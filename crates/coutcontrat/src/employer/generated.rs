// Generated from data/parameters/employer.toml by `COUTCONTRAT_REGENERATE=1 cargo test -p coutcontrat --lib generate`: do not edit.
// A test fails when this file and the data differ.

/// The text of `data/parameters/employer.toml`, as generated.
pub(crate) const EMPLOYER_TOML: &str = r##"# Dated parameters of the employer's whole cost (issue "net cost"): State hiring aid, apprentice minimum
# salary, SMIC, maître d'apprentissage aid. Same format as financing.toml. Employer social contributions are
# not modelled.
# Source of the research: spec RULES.md R7, R10, R11, D15 and section 8.

# R10: State hiring aid, by date of conclusion. Amounts by certification level for companies under 250
# employees (`small`) and from 250 (`large`, on condition of an alternance-quota commitment); `rqth` for an
# apprentice with RQTH: the amount, whether any company size qualifies, and the levels. A step with
# `start_before` covers only contracts starting before that date; later ones fall back to `aide_unique`.
# D18 (2021–2022): `from_18` is the annual amount from the first day of the month after the 18th birthday;
# `later_years` the amounts of execution years 2, 3 and 4 (D6243-2 I and II), for companies under 250 at
# `later_levels`; `every_month_started`: each month started is paid whole, whatever décret 2025-1031 says.
[hiring_aid]
label = "Aide à l'embauche d'un apprenti"
article = "D6243-1 ; D6243-2"
last_checked = "2026-10-06"
unit = "EUR"
steps = [
  { from = "2021-01-01", reference = "Décret n° 2020-1085 du 24 août 2020 (aide exceptionnelle, contrats conclus jusqu'au 28 février 2021) ; D6243-2 I (années 2 et 3)", value = { modelled = true, every_month_started = true, small = { "3" = "5000", "4" = "5000", "5" = "5000", "6" = "5000", "7" = "5000" }, large = { "3" = "5000", "4" = "5000", "5" = "5000", "6" = "5000", "7" = "5000" }, from_18 = "8000", later_years = ["2000", "1200", "1200"], later_levels = [3, 4], rqth = { amount = "0", any_size = false, levels = [] } } },
  { from = "2021-03-01", reference = "Décrets n° 2021-223 et 2021-224 du 26 février 2021, prolongés jusqu'au 31 décembre 2022 (décrets n° 2021-363, 2021-1468 et décret du 29 juin 2022) ; D6243-2 I (années 2 et 3)", value = { modelled = true, every_month_started = true, small = { "3" = "5000", "4" = "5000", "5" = "5000", "6" = "5000", "7" = "5000" }, large = { "3" = "5000", "4" = "5000", "5" = "5000", "6" = "5000", "7" = "5000" }, from_18 = "8000", later_years = ["2000", "1200", "1200"], later_levels = [3, 4], rqth = { amount = "0", any_size = false, levels = [] } } },
  { from = "2023-01-01", reference = "Décret n° 2022-1714 du 29 décembre 2022", value = { modelled = true, small = { "3" = "6000", "4" = "6000", "5" = "6000", "6" = "6000", "7" = "6000" }, large = { "3" = "6000", "4" = "6000", "5" = "6000", "6" = "6000", "7" = "6000" }, rqth = { amount = "6000", any_size = true, levels = [3, 4, 5, 6, 7] } } },
  { from = "2025-01-01", reference = "Aide unique seule (D6243-2), faute de décret au 1er janvier 2025", value = { modelled = true, small = { "3" = "6000", "4" = "6000" }, large = {}, rqth = { amount = "6000", any_size = false, levels = [3, 4] } } },
  { from = "2025-02-24", reference = "Décret n° 2025-174 du 22 février 2025", value = { modelled = true, small = { "3" = "5000", "4" = "5000", "5" = "5000", "6" = "5000", "7" = "5000" }, large = { "3" = "2000", "4" = "2000", "5" = "2000", "6" = "2000", "7" = "2000" }, rqth = { amount = "6000", any_size = true, levels = [3, 4, 5, 6, 7] } } },
  { from = "2026-01-01", reference = "Aide unique seule (D6243-1, D6243-2), faute de loi de finances 2026", value = { modelled = true, small = { "3" = "5000", "4" = "5000" }, large = {}, rqth = { amount = "6000", any_size = false, levels = [3, 4] } } },
  { from = "2026-03-08", reference = "Décret n° 2026-168 du 6 mars 2026 (contrats débutant avant le 1er janvier 2027)", value = { modelled = true, start_before = "2027-01-01", small = { "3" = "5000", "4" = "5000", "5" = "4500", "6" = "2000", "7" = "2000" }, large = { "3" = "2000", "4" = "2000", "5" = "1500", "6" = "750", "7" = "750" }, rqth = { amount = "6000", any_size = true, levels = [3, 4, 5, 6, 7] } } },
]

# R10, section 8.3: the aide unique, which has no end date; the only aid known for contracts starting from
# 2027-01-01 until the loi de finances 2027.
[aide_unique]
label = "Aide unique à l'embauche d'un apprenti"
article = "D6243-1 ; D6243-2"
reference = "D6243-2 : 5 000 € (6 000 € RQTH), entreprises de moins de 250 salariés, niveaux 3 et 4"
last_checked = "2026-10-06"
unit = "EUR"
steps = [{ from = "2019-01-01", value = { modelled = true, small = { "3" = "5000", "4" = "5000" }, large = {}, rqth = { amount = "6000", any_size = false, levels = [3, 4] } } }]

# D21: the alternance quota a company of 250 or more must reach for its aid: at least `insertion_share` of
# contracts favouring insertion, or `alternant_share` of alternants with a growth of `alternant_growth`;
# measured on 31 December of the year of conclusion plus `deadline_years_after` (2021 for the contracts
# concluded until 2021-03-31, then the year after the conclusion: décret 2023-1354 for 2024 onwards).
[alternance_quota]
label = "Seuil d'alternants des entreprises de 250 salariés ou plus"
article = "D6243-1 ; décrets d'aide exceptionnelle"
reference = "5 % de contrats favorisant l'insertion professionnelle, ou 3 % d'alternants et une progression de 10 %"
last_checked = "2026-12-03"
steps = [
  { from = "2020-07-01", reference = "travail-emploi.gouv.fr, aide exceptionnelle : quota au 31 décembre 2021 pour les contrats conclus entre le 1er juillet 2020 et le 31 mars 2021", value = { insertion_share = "0.05", alternant_share = "0.03", alternant_growth = "0.10", deadline_years_after = 0 } },
  { from = "2021-04-01", reference = "travail-emploi.gouv.fr ; décret n° 2023-1354 du 29 décembre 2023 (31 décembre de l'année suivant la conclusion)", value = { insertion_share = "0.05", alternant_share = "0.03", alternant_growth = "0.10", deadline_years_after = 1 } },
]

# D24: the CNFPT's share of the training costs of apprentices employed by territorial authorities (whose
# staff is not under private law: no OPCO finances them).
[cnfpt_share]
label = "Prise en charge des frais de formation des apprentis des collectivités par le CNFPT"
article = "L6123-5 1° ; L6227-6"
reference = "Loi n° 2021-1900 du 30 décembre 2021, art. 122 ; décret n° 2022-280 du 28 février 2022"
last_checked = "2026-12-03"
steps = [
  { from = "2019-01-01", value = "0.5", reference = "contrats conclus avant le 1er janvier 2022 : 50 % (centre-inffo.fr, 31 décembre 2021)" },
  { from = "2022-01-01", value = "1", reference = "contrats conclus depuis le 1er janvier 2022 : 100 % dans la limite du barème du CNFPT, frais annexes exclus (loi n° 2021-1900, art. 122 ; décret n° 2022-280)" },
]

# R10, D17: décret 2025-1031 applies from this date. A contract ending from it has its last month paid by
# days (planned under a year, or ruptured in the aid's year); one concluded from it, under a year, its first
# month too. A contract ended before it: every month started paid whole.
[aid_day_proration]
label = "Proratisation au jour de l'aide (premier et dernier mois, rupture)"
article = "D6243-2 III et IV"
reference = "Décret n° 2025-1031 du 31 octobre 2025"
last_checked = "2026-10-06"
steps = [
  { from = "2019-01-01", value = false },
  { from = "2025-11-01", value = true },
]

# R11: SMIC, gross monthly for 35 hours, by month (not by date of conclusion).
[smic_monthly]
label = "SMIC mensuel brut (35 h)"
article = "L3231-2"
last_checked = "2026-10-06"
unit = "EUR"
steps = [
  { from = "2021-01-01", value = "1554.58", to_confirm = true, reference = "Décret n° 2020-1598 du 16 décembre 2020 (10,25 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2021-10-01", value = "1589.47", to_confirm = true, reference = "Arrêté du 27 septembre 2021 (10,48 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2022-01-01", value = "1603.12", to_confirm = true, reference = "Décret n° 2021-1741 du 22 décembre 2021 (10,57 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2022-05-01", value = "1645.58", to_confirm = true, reference = "Arrêté du 19 avril 2022 (10,85 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2022-08-01", value = "1678.95", to_confirm = true, reference = "Arrêté du 29 juillet 2022 (11,07 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2023-01-01", value = "1709.28", to_confirm = true, reference = "Décret n° 2022-1608 du 22 décembre 2022 (11,27 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2023-05-01", value = "1747.20", to_confirm = true, reference = "Arrêté du 26 avril 2023 (11,52 €/h) ; hors spec RULES.md, à confirmer" },
  { from = "2024-01-01", value = "1766.92", reference = "Décret n° 2023-1216 du 20 décembre 2023 (11,65 €/h)" },
  { from = "2024-11-01", value = "1801.80", reference = "Décret n° 2024-951 du 23 octobre 2024 (11,88 €/h)" },
  { from = "2026-01-01", value = "1823.03", reference = "Décret n° 2025-1228 (12,02 €/h)" },
  { from = "2026-06-01", value = "1867.02", reference = "Arrêté du 22 mai 2026 (12,31 €/h)" },
]

# R11: apprentice minimum salary, % of the SMIC by age bracket and year of execution (D6222-26).
[salary_grid]
label = "Salaire minimum de l'apprenti (% du SMIC)"
article = "D6222-26 ; D6222-27"
reference = "D6222-26, en vigueur depuis le 1er janvier 2019 ; grille inchangée en 2026"
last_checked = "2026-10-06"
steps = [{ from = "2019-01-01", value = { under_18 = ["0.27", "0.39", "0.55"], from_18 = ["0.43", "0.51", "0.67"], from_21 = ["0.53", "0.61", "0.78"], from_26 = ["1.00", "1.00", "1.00"] } }]

# D26, D6222-30: points added to the minimum of a contract of at most one year preparing a diploma of the same
# level as the one held and directly related to it (contracts concluded from 2020-04-01); never above 100 % of
# the SMIC (D6222-31).
[related_diploma_points]
label = "Majoration d'un diplôme de même niveau en rapport direct"
article = "D6222-30 ; D6222-31"
reference = "D6222-30 (décret n° 2020-373 du 30 mars 2020) : majoration de 15 points"
last_checked = "2026-12-03"
steps = [{ from = "2020-04-01", value = "0.15" }]

# D24, D6272-2: the points a public employer may add to the minimum of D6222-26 (applied by D6272-1); the
# quote of a public employer is refused (no OPCO), its message still gives the minimum and these options.
[public_salary_points]
label = "Majorations possibles du salaire minimum par un employeur public"
article = "D6272-1 ; D6272-2"
reference = "D6272-2 (LEGIARTI000041824965) : « Les employeurs publics peuvent majorer la rémunération prévue par l'article D. 6222-26 de 10 points ou 20 points »"
last_checked = "2026-12-03"
steps = [{ from = "2019-01-01", value = ["0.10", "0.20"] }]

# D25, D6243-2 I (wording of décret 2025-174): no hiring aid for a contract concluded from this date when the
# same employer already had one for a contract with the same apprentice for the same certification (a
# "redoublement"); a new certification with the same employer keeps its aid (RULES-D17-D28.md §9).
[no_second_aid]
label = "Pas de seconde aide pour le même apprenti et la même certification"
article = "D6243-2 I"
reference = "D6243-2 I (LEGIARTI000052476041), rédaction du décret n° 2025-174 du 22 février 2025 : « ne pas avoir bénéficié d'une aide à l'embauche d'apprenti au titre d'un contrat d'apprentissage précédemment conclu entre un même employeur et un même apprenti pour la même certification professionnelle »"
last_checked = "2026-12-04"
steps = [
  { from = "2019-01-01", value = false },
  { from = "2025-02-24", value = true },
]

# D22: the aide unique covers levels up to this one in the DROM, Saint-Barthélemy, Saint-Martin and
# Saint-Pierre-et-Miquelon (L6522-4 in force 2020-01-01, D6522-2): a level-5 contract there is paid as the aide
# unique's own levels are (RULES-D17-D28.md §6).
[overseas_aid_max_level]
label = "Aide unique outre-mer : niveau maximal"
article = "L6522-4 ; D6522-2"
reference = "L6522-4 (LEGIARTI000038983745) et D6522-2 (LEGIARTI000041611752) : aide unique jusqu'au niveau 5 (bac+2) outre-mer"
last_checked = "2026-12-03"
steps = [{ from = "2020-01-01", value = 5 }]

# D22: Mayotte's own monthly SMIC (35 h), hourly × 35 × 52 / 12 rounded to the cent; the other overseas
# territories use the national SMIC. Hourly series of mon-entreprise (modele-social base.publicodes @7b021aaf),
# checked against the local press, IEDOM and La bonne alternance (RULES-D17-D28.md §6).
[smic_monthly_mayotte]
label = "SMIC mensuel brut de Mayotte (35 h)"
article = "L3423-1 ; décrets annuels de revalorisation (ligne Mayotte)"
reference = "RULES-D17-D28.md §6 : série horaire de mon-entreprise, vérifiée dans lejournaldemayotte.yt, IEDOM, gazeti.fr, linfokwezi.fr"
last_checked = "2026-12-03"
unit = "EUR"
steps = [
  { from = "2021-01-01", value = "1173.90", reference = "7,74 €/h × 35 × 52 / 12" },
  { from = "2021-10-01", value = "1199.68", reference = "7,91 €/h × 35 × 52 / 12" },
  { from = "2022-01-01", value = "1210.30", reference = "7,98 €/h × 35 × 52 / 12" },
  { from = "2022-05-01", value = "1242.15", reference = "8,19 €/h × 35 × 52 / 12" },
  { from = "2022-08-01", value = "1266.42", reference = "8,35 €/h × 35 × 52 / 12" },
  { from = "2023-01-01", value = "1290.68", reference = "8,51 €/h × 35 × 52 / 12" },
  { from = "2023-05-01", value = "1319.50", reference = "8,70 €/h × 35 × 52 / 12" },
  { from = "2024-01-01", value = "1334.67", reference = "8,80 €/h × 35 × 52 / 12" },
  { from = "2024-11-01", value = "1361.97", reference = "8,98 €/h × 35 × 52 / 12" },
  { from = "2026-01-01", value = "1415.05", to_confirm = true, reference = "9,33 €/h × 35 × 52 / 12 ; sources secondaires seulement (mon-entreprise, La bonne alternance, presse), à confirmer contre le décret" },
  { from = "2026-06-01", value = "1449.93", to_confirm = true, reference = "9,56 €/h × 35 × 52 / 12 ; sources secondaires seulement (mon-entreprise, La bonne alternance, presse), à confirmer contre le décret" },
]

# R7, D6332-93: maître d'apprentissage aid, when the branch grants it.
[tutor_aid]
label = "Aide à la fonction de maître d'apprentissage"
article = "D6332-93"
reference = "D6332-93 : au plus 230 € par mois et par apprenti, 12 mois au plus, si la branche le décide"
last_checked = "2026-10-06"
unit = "EUR"
steps = [{ from = "2019-01-01", value = { monthly_cap = "230", max_months = 12 } }]
"##;

use jiff::civil::date;

use super::*;
use crate::rules::literal::{by_key, dec, text};
use crate::rules::{Dated, RawParam, RawStep};

/// The employer book of `employer.toml`.
pub(super) fn employer_book() -> EmployerBook {
    EmployerBook {
        hiring_aid: Dated::generated("hiring_aid", RawParam {
            label: text("Aide à l'embauche d'un apprenti"),
            article: text("D6243-1 ; D6243-2"),
            reference: text(""),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(5000, 0)), ("6", dec(5000, 0)), ("7", dec(5000, 0))]), large: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(5000, 0)), ("6", dec(5000, 0)), ("7", dec(5000, 0))]), rqth: RqthAid { amount: dec(0, 0), any_size: false, levels: vec![], }, from_18: Some(dec(8000, 0)), later_years: vec![dec(2000, 0), dec(1200, 0), dec(1200, 0)], later_levels: vec![3, 4], every_month_started: true, }, to_confirm: false, article: None, reference: Some(text("Décret n° 2020-1085 du 24 août 2020 (aide exceptionnelle, contrats conclus jusqu'au 28 février 2021) ; D6243-2 I (années 2 et 3)")) },
                RawStep { from: date(2021, 3, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(5000, 0)), ("6", dec(5000, 0)), ("7", dec(5000, 0))]), large: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(5000, 0)), ("6", dec(5000, 0)), ("7", dec(5000, 0))]), rqth: RqthAid { amount: dec(0, 0), any_size: false, levels: vec![], }, from_18: Some(dec(8000, 0)), later_years: vec![dec(2000, 0), dec(1200, 0), dec(1200, 0)], later_levels: vec![3, 4], every_month_started: true, }, to_confirm: false, article: None, reference: Some(text("Décrets n° 2021-223 et 2021-224 du 26 février 2021, prolongés jusqu'au 31 décembre 2022 (décrets n° 2021-363, 2021-1468 et décret du 29 juin 2022) ; D6243-2 I (années 2 et 3)")) },
                RawStep { from: date(2023, 1, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(6000, 0)), ("4", dec(6000, 0)), ("5", dec(6000, 0)), ("6", dec(6000, 0)), ("7", dec(6000, 0))]), large: by_key([("3", dec(6000, 0)), ("4", dec(6000, 0)), ("5", dec(6000, 0)), ("6", dec(6000, 0)), ("7", dec(6000, 0))]), rqth: RqthAid { amount: dec(6000, 0), any_size: true, levels: vec![3, 4, 5, 6, 7], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: Some(text("Décret n° 2022-1714 du 29 décembre 2022")) },
                RawStep { from: date(2025, 1, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(6000, 0)), ("4", dec(6000, 0))]), large: by_key([]), rqth: RqthAid { amount: dec(6000, 0), any_size: false, levels: vec![3, 4], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: Some(text("Aide unique seule (D6243-2), faute de décret au 1er janvier 2025")) },
                RawStep { from: date(2025, 2, 24), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(5000, 0)), ("6", dec(5000, 0)), ("7", dec(5000, 0))]), large: by_key([("3", dec(2000, 0)), ("4", dec(2000, 0)), ("5", dec(2000, 0)), ("6", dec(2000, 0)), ("7", dec(2000, 0))]), rqth: RqthAid { amount: dec(6000, 0), any_size: true, levels: vec![3, 4, 5, 6, 7], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: Some(text("Décret n° 2025-174 du 22 février 2025")) },
                RawStep { from: date(2026, 1, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0))]), large: by_key([]), rqth: RqthAid { amount: dec(6000, 0), any_size: false, levels: vec![3, 4], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: Some(text("Aide unique seule (D6243-1, D6243-2), faute de loi de finances 2026")) },
                RawStep { from: date(2026, 3, 8), value: AidRule { modelled: true, start_before: Some(date(2027, 1, 1)), small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0)), ("5", dec(4500, 0)), ("6", dec(2000, 0)), ("7", dec(2000, 0))]), large: by_key([("3", dec(2000, 0)), ("4", dec(2000, 0)), ("5", dec(1500, 0)), ("6", dec(750, 0)), ("7", dec(750, 0))]), rqth: RqthAid { amount: dec(6000, 0), any_size: true, levels: vec![3, 4, 5, 6, 7], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: Some(text("Décret n° 2026-168 du 6 mars 2026 (contrats débutant avant le 1er janvier 2027)")) },
            ],
        }),
        aide_unique: Dated::generated("aide_unique", RawParam {
            label: text("Aide unique à l'embauche d'un apprenti"),
            article: text("D6243-1 ; D6243-2"),
            reference: text("D6243-2 : 5 000 € (6 000 € RQTH), entreprises de moins de 250 salariés, niveaux 3 et 4"),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: AidRule { modelled: true, start_before: None, small: by_key([("3", dec(5000, 0)), ("4", dec(5000, 0))]), large: by_key([]), rqth: RqthAid { amount: dec(6000, 0), any_size: false, levels: vec![3, 4], }, from_18: None, later_years: vec![], later_levels: vec![], every_month_started: false, }, to_confirm: false, article: None, reference: None },
            ],
        }),
        aid_day_proration: Dated::generated("aid_day_proration", RawParam {
            label: text("Proratisation au jour de l'aide (premier et dernier mois, rupture)"),
            article: text("D6243-2 III et IV"),
            reference: text("Décret n° 2025-1031 du 31 octobre 2025"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: false, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2025, 11, 1), value: true, to_confirm: false, article: None, reference: None },
            ],
        }),
        no_second_aid: Dated::generated("no_second_aid", RawParam {
            label: text("Pas de seconde aide pour le même apprenti et la même certification"),
            article: text("D6243-2 I"),
            reference: text("D6243-2 I (LEGIARTI000052476041), rédaction du décret n° 2025-174 du 22 février 2025 : « ne pas avoir bénéficié d'une aide à l'embauche d'apprenti au titre d'un contrat d'apprentissage précédemment conclu entre un même employeur et un même apprenti pour la même certification professionnelle »"),
            last_checked: date(2026, 12, 4),
            unit: None,
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: false, to_confirm: false, article: None, reference: None },
                RawStep { from: date(2025, 2, 24), value: true, to_confirm: false, article: None, reference: None },
            ],
        }),
        alternance_quota: Dated::generated("alternance_quota", RawParam {
            label: text("Seuil d'alternants des entreprises de 250 salariés ou plus"),
            article: text("D6243-1 ; décrets d'aide exceptionnelle"),
            reference: text("5 % de contrats favorisant l'insertion professionnelle, ou 3 % d'alternants et une progression de 10 %"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2020, 7, 1), value: QuotaRule { insertion_share: dec(5, 2), alternant_share: dec(3, 2), alternant_growth: dec(10, 2), deadline_years_after: 0, }, to_confirm: false, article: None, reference: Some(text("travail-emploi.gouv.fr, aide exceptionnelle : quota au 31 décembre 2021 pour les contrats conclus entre le 1er juillet 2020 et le 31 mars 2021")) },
                RawStep { from: date(2021, 4, 1), value: QuotaRule { insertion_share: dec(5, 2), alternant_share: dec(3, 2), alternant_growth: dec(10, 2), deadline_years_after: 1, }, to_confirm: false, article: None, reference: Some(text("travail-emploi.gouv.fr ; décret n° 2023-1354 du 29 décembre 2023 (31 décembre de l'année suivant la conclusion)")) },
            ],
        }),
        cnfpt_share: Dated::generated("cnfpt_share", RawParam {
            label: text("Prise en charge des frais de formation des apprentis des collectivités par le CNFPT"),
            article: text("L6123-5 1° ; L6227-6"),
            reference: text("Loi n° 2021-1900 du 30 décembre 2021, art. 122 ; décret n° 2022-280 du 28 février 2022"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: dec(5, 1), to_confirm: false, article: None, reference: Some(text("contrats conclus avant le 1er janvier 2022 : 50 % (centre-inffo.fr, 31 décembre 2021)")) },
                RawStep { from: date(2022, 1, 1), value: dec(1, 0), to_confirm: false, article: None, reference: Some(text("contrats conclus depuis le 1er janvier 2022 : 100 % dans la limite du barème du CNFPT, frais annexes exclus (loi n° 2021-1900, art. 122 ; décret n° 2022-280)")) },
            ],
        }),
        related_diploma_points: Dated::generated("related_diploma_points", RawParam {
            label: text("Majoration d'un diplôme de même niveau en rapport direct"),
            article: text("D6222-30 ; D6222-31"),
            reference: text("D6222-30 (décret n° 2020-373 du 30 mars 2020) : majoration de 15 points"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2020, 4, 1), value: dec(15, 2), to_confirm: false, article: None, reference: None },
            ],
        }),
        public_salary_points: Dated::generated("public_salary_points", RawParam {
            label: text("Majorations possibles du salaire minimum par un employeur public"),
            article: text("D6272-1 ; D6272-2"),
            reference: text("D6272-2 (LEGIARTI000041824965) : « Les employeurs publics peuvent majorer la rémunération prévue par l'article D. 6222-26 de 10 points ou 20 points »"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: vec![dec(10, 2), dec(20, 2)], to_confirm: false, article: None, reference: None },
            ],
        }),
        overseas_aid_max_level: Dated::generated("overseas_aid_max_level", RawParam {
            label: text("Aide unique outre-mer : niveau maximal"),
            article: text("L6522-4 ; D6522-2"),
            reference: text("L6522-4 (LEGIARTI000038983745) et D6522-2 (LEGIARTI000041611752) : aide unique jusqu'au niveau 5 (bac+2) outre-mer"),
            last_checked: date(2026, 12, 3),
            unit: None,
            steps: vec![
                RawStep { from: date(2020, 1, 1), value: 5, to_confirm: false, article: None, reference: None },
            ],
        }),
        smic_monthly_mayotte: Dated::generated("smic_monthly_mayotte", RawParam {
            label: text("SMIC mensuel brut de Mayotte (35 h)"),
            article: text("L3423-1 ; décrets annuels de revalorisation (ligne Mayotte)"),
            reference: text("RULES-D17-D28.md §6 : série horaire de mon-entreprise, vérifiée dans lejournaldemayotte.yt, IEDOM, gazeti.fr, linfokwezi.fr"),
            last_checked: date(2026, 12, 3),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: dec(117390, 2), to_confirm: false, article: None, reference: Some(text("7,74 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2021, 10, 1), value: dec(119968, 2), to_confirm: false, article: None, reference: Some(text("7,91 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2022, 1, 1), value: dec(121030, 2), to_confirm: false, article: None, reference: Some(text("7,98 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2022, 5, 1), value: dec(124215, 2), to_confirm: false, article: None, reference: Some(text("8,19 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2022, 8, 1), value: dec(126642, 2), to_confirm: false, article: None, reference: Some(text("8,35 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2023, 1, 1), value: dec(129068, 2), to_confirm: false, article: None, reference: Some(text("8,51 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2023, 5, 1), value: dec(131950, 2), to_confirm: false, article: None, reference: Some(text("8,70 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2024, 1, 1), value: dec(133467, 2), to_confirm: false, article: None, reference: Some(text("8,80 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2024, 11, 1), value: dec(136197, 2), to_confirm: false, article: None, reference: Some(text("8,98 €/h × 35 × 52 / 12")) },
                RawStep { from: date(2026, 1, 1), value: dec(141505, 2), to_confirm: true, article: None, reference: Some(text("9,33 €/h × 35 × 52 / 12 ; sources secondaires seulement (mon-entreprise, La bonne alternance, presse), à confirmer contre le décret")) },
                RawStep { from: date(2026, 6, 1), value: dec(144993, 2), to_confirm: true, article: None, reference: Some(text("9,56 €/h × 35 × 52 / 12 ; sources secondaires seulement (mon-entreprise, La bonne alternance, presse), à confirmer contre le décret")) },
            ],
        }),
        smic_monthly: Dated::generated("smic_monthly", RawParam {
            label: text("SMIC mensuel brut (35 h)"),
            article: text("L3231-2"),
            reference: text(""),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2021, 1, 1), value: dec(155458, 2), to_confirm: true, article: None, reference: Some(text("Décret n° 2020-1598 du 16 décembre 2020 (10,25 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2021, 10, 1), value: dec(158947, 2), to_confirm: true, article: None, reference: Some(text("Arrêté du 27 septembre 2021 (10,48 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2022, 1, 1), value: dec(160312, 2), to_confirm: true, article: None, reference: Some(text("Décret n° 2021-1741 du 22 décembre 2021 (10,57 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2022, 5, 1), value: dec(164558, 2), to_confirm: true, article: None, reference: Some(text("Arrêté du 19 avril 2022 (10,85 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2022, 8, 1), value: dec(167895, 2), to_confirm: true, article: None, reference: Some(text("Arrêté du 29 juillet 2022 (11,07 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2023, 1, 1), value: dec(170928, 2), to_confirm: true, article: None, reference: Some(text("Décret n° 2022-1608 du 22 décembre 2022 (11,27 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2023, 5, 1), value: dec(174720, 2), to_confirm: true, article: None, reference: Some(text("Arrêté du 26 avril 2023 (11,52 €/h) ; hors spec RULES.md, à confirmer")) },
                RawStep { from: date(2024, 1, 1), value: dec(176692, 2), to_confirm: false, article: None, reference: Some(text("Décret n° 2023-1216 du 20 décembre 2023 (11,65 €/h)")) },
                RawStep { from: date(2024, 11, 1), value: dec(180180, 2), to_confirm: false, article: None, reference: Some(text("Décret n° 2024-951 du 23 octobre 2024 (11,88 €/h)")) },
                RawStep { from: date(2026, 1, 1), value: dec(182303, 2), to_confirm: false, article: None, reference: Some(text("Décret n° 2025-1228 (12,02 €/h)")) },
                RawStep { from: date(2026, 6, 1), value: dec(186702, 2), to_confirm: false, article: None, reference: Some(text("Arrêté du 22 mai 2026 (12,31 €/h)")) },
            ],
        }),
        salary_grid: Dated::generated("salary_grid", RawParam {
            label: text("Salaire minimum de l'apprenti (% du SMIC)"),
            article: text("D6222-26 ; D6222-27"),
            reference: text("D6222-26, en vigueur depuis le 1er janvier 2019 ; grille inchangée en 2026"),
            last_checked: date(2026, 10, 6),
            unit: None,
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: SalaryGrid { under_18: [dec(27, 2), dec(39, 2), dec(55, 2)], from_18: [dec(43, 2), dec(51, 2), dec(67, 2)], from_21: [dec(53, 2), dec(61, 2), dec(78, 2)], from_26: [dec(100, 2), dec(100, 2), dec(100, 2)], }, to_confirm: false, article: None, reference: None },
            ],
        }),
        tutor_aid: Dated::generated("tutor_aid", RawParam {
            label: text("Aide à la fonction de maître d'apprentissage"),
            article: text("D6332-93"),
            reference: text("D6332-93 : au plus 230 € par mois et par apprenti, 12 mois au plus, si la branche le décide"),
            last_checked: date(2026, 10, 6),
            unit: Some(text("EUR")),
            steps: vec![
                RawStep { from: date(2019, 1, 1), value: TutorAidRule { monthly_cap: dec(230, 0), max_months: 12, }, to_confirm: false, article: None, reference: None },
            ],
        }),
    }
}
