//! Reading the loose contract typed by people (JSON, CSV, a web form) into its typed form: each field's
//! text parsed, or an error naming the field and how to write it.

use jiff::civil::Date;
use rust_decimal::Decimal;

use super::{
    Annexes, CfaChange, Contract, ContractInput, ContractKind, EmployerType, Loose, PriceBasis,
    QuotaCommitment, RuptureReason, Territory, UltramarineMobility,
};
use crate::error::{Error, ErrorKind, Result};
use crate::referentiel::normalize_rncp;
use crate::text::quoted;

fn present(value: &Option<Loose>) -> Option<&str> {
    value.as_ref().map(|v| v.0.trim()).filter(|v| !v.is_empty())
}

fn invalid(field: &str, message: String) -> Error {
    Error::new(ErrorKind::Invalid, Some(field), message)
}

fn required<'a>(value: &'a Option<Loose>, field: &str, what: &str) -> Result<&'a str> {
    present(value).ok_or_else(|| {
        Error::new(
            ErrorKind::Missing,
            Some(field),
            format!("{what} est obligatoire"),
        )
    })
}

/// Parses a date written `YYYY-MM-DD` or as French users write it ([`crate::dates::read_french`]: `20/11/2026`,
/// `20.11.26`, `20 novembre 2026`), refusing a day the calendar lacks.
pub fn parse_date(text: &str, field: &str) -> Result<Date> {
    let t = text.trim();
    // The common `YYYY-MM-DD`, without building strings (a batch reads millions).
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *t.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0i16, |a, d| a * 10 + i16::from(d - b'0'));
            let (y, m, d) = (n(&digits[..4]), n(&digits[4..6]), n(&digits[6..]));
            if let Ok(date) = Date::new(y, m as i8, d as i8) {
                return Ok(date);
            }
        }
    }
    crate::dates::read_french(t).map_err(|why| {
        invalid(
            field,
            match why {
                crate::dates::Unread::Unreadable => format!(
                    "« {} » n'est pas une date lisible : écrivez-la JJ/MM/AAAA (par exemple 01/09/2025)",
                    quoted(t)
                ),
                crate::dates::Unread::NotInCalendar => format!(
                    "le {} n'existe pas dans le calendrier : vérifiez le jour et le mois",
                    quoted(t)
                ),
            },
        )
    })
}

/// Parses an amount or a share: `1234.5`, `1 234,50 €`, `80 %` (→ 0.80 when `percent` is allowed).
pub fn parse_decimal(text: &str, field: &str, percent: bool) -> Result<Decimal> {
    let t = text.trim();
    // Plain `8500` or `8500.50`: no cleaning needed.
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Ok(value) = t.parse::<Decimal>() {
            return Ok(value);
        }
    }
    let is_percent = t.ends_with('%');
    let cleaned: String = t
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let value: Decimal = cleaned
        .parse()
        .or_else(|_| Decimal::from_scientific(&cleaned))
        .map_err(|_| {
            invalid(
                field,
                format!(
                    "« {} » n'est pas un nombre : écrivez par exemple 8500 ou 8500.50",
                    quoted(t)
                ),
            )
        })?;
    if is_percent {
        if !percent {
            return Err(invalid(
                field,
                format!(
                    "« {} » : un montant en euros est attendu, pas un pourcentage",
                    quoted(t)
                ),
            ));
        }
        return Ok(value / Decimal::from(100));
    }
    Ok(value)
}

fn parse_bool(text: &str, field: &str) -> Result<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "oui" | "vrai" | "on" => Ok(true),
        "false" | "0" | "no" | "non" | "faux" | "off" => Ok(false),
        other => Err(invalid(
            field,
            format!(
                "« {} » : répondez true ou false (oui ou non)",
                quoted(other)
            ),
        )),
    }
}

fn parse_count(text: &str, field: &str) -> Result<u32> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('-') {
        if rest.parse::<u64>().is_ok() {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some(field),
                format!(
                    "{} : un nombre négatif n'a pas de sens ici, indiquez 0 ou plus",
                    quoted(t)
                ),
            ));
        }
    }
    t.parse::<u32>().map_err(|_| {
        invalid(
            field,
            format!(
                "« {} » n'est pas un nombre entier : indiquez un nombre (0, 1, 2…)",
                quoted(t)
            ),
        )
    })
}

/// Parses an IDCC: up to 4 digits, leading zeros dropped (`0573` → 573).
pub fn parse_idcc(text: &str, field: &str) -> Result<u32> {
    let t = text.trim();
    let digits = t.strip_prefix("IDCC").unwrap_or(t).trim();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            field,
            format!("« {} » n'est pas un IDCC : c'est un code de 1 à 4 chiffres (case « code IDCC » du Cerfa)", quoted(t)),
        ));
    }
    Ok(digits.parse().expect("4 ASCII digits fit in u32"))
}

impl ContractInput {
    /// Checks every field and gives the typed contract, or the first error with its field.
    ///
    /// The bounds that need no rules are checked here too ([`Contract::check_bounds`]); ranges that depend on
    /// the rules in force, and the consistency of dates, are checked by the quote.
    pub fn parse(&self) -> Result<Contract> {
        let signed_on = parse_date(
            required(&self.signed_on, "signed_on", "la date de conclusion")?,
            "signed_on",
        )?;
        let start = parse_date(required(&self.start, "start", "la date de début")?, "start")?;
        let end = parse_date(required(&self.end, "end", "la date de fin prévue")?, "end")?;
        let employer_type = parse_employer_type(present(&self.employer_type))?;
        // D24: a public employer is refused with who pays instead; it need not type a price first.
        let price = match present(&self.price) {
            None if employer_type != EmployerType::Private => Decimal::ZERO,
            _ => parse_decimal(
                required(&self.price, "price", "le prix du CFA")?,
                "price",
                false,
            )?,
        };
        let date = |v: &Option<Loose>, f: &str| present(v).map(|t| parse_date(t, f)).transpose();
        let dec = |v: &Option<Loose>, f: &str, pct: bool| {
            present(v).map(|t| parse_decimal(t, f, pct)).transpose()
        };
        let flag = |v: &Option<Loose>, f: &str| {
            present(v)
                .map(|t| parse_bool(t, f))
                .transpose()
                .map(|b| b.unwrap_or(false))
        };
        let rncp_of = |v: &Option<Loose>, field: &str| {
            present(v)
                .map(|t| {
                    normalize_rncp(t).ok_or_else(|| {
                        invalid(
                            field,
                            format!("« {} » n'est pas un code RNCP : il s'écrit RNCP suivi de chiffres (RNCP34826)", quoted(t)),
                        )
                    })
                })
                .transpose()
        };
        let rncp = rncp_of(&self.rncp, "rncp")?;
        let level = present(&self.level)
            .map(|t| {
                let t = t.trim_start_matches(['N', 'n']);
                t.parse::<u8>().map_err(|_| {
                    Error::new(
                        ErrorKind::OutOfRange,
                        Some("level"),
                        format!(
                            "« {} » : le niveau est un chiffre de 3 (CAP) à 8 (doctorat)",
                            quoted(t)
                        ),
                    )
                })
            })
            .transpose()?;
        let cpne = present(&self.cpne)
            .map(|t| {
                t.parse::<u32>().map_err(|_| {
                    invalid(
                        "cpne",
                        format!(
                            "« {} » n'est pas un code CPNE : c'est un nombre (65, 134…)",
                            quoted(t)
                        ),
                    )
                })
            })
            .transpose()?;
        let price_basis = match present(&self.price_basis)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("annual") | Some("annuel") | Some("year") => PriceBasis::Annual,
            Some("total") | Some("contract") => PriceBasis::Total,
            Some(other) => {
                return Err(invalid(
                    "price_basis",
                    format!(
                        "« {} » : indiquez \"annual\" (prix par an) ou \"total\" (prix du contrat)",
                        quoted(other)
                    ),
                ))
            }
        };
        let annexes = match &self.annexes {
            None => Annexes::default(),
            Some(a) => Annexes {
                nights: present(&a.nights)
                    .map(|t| parse_count(t, "annexes.nights"))
                    .transpose()?
                    .unwrap_or(0),
                meals: present(&a.meals)
                    .map(|t| parse_count(t, "annexes.meals"))
                    .transpose()?
                    .unwrap_or(0),
                first_equipment: dec(&a.first_equipment, "annexes.first_equipment", false)?
                    .unwrap_or_default(),
            },
        };
        let contract = Contract {
            signed_on,
            start,
            end,
            rupture_on: date(&self.rupture_on, "rupture_on")?,
            rupture_during_probation: flag(
                &self.rupture_during_probation,
                "rupture_during_probation",
            )?,
            after_rupture_new_employer: flag(
                &self.after_rupture_new_employer,
                "after_rupture_new_employer",
            )?,
            rncp,
            level,
            idcc: present(&self.idcc)
                .map(|t| parse_idcc(t, "idcc"))
                .transpose()?,
            cpne,
            npec: dec(&self.npec, "npec", false)?,
            price,
            price_basis,
            rqth_majoration: dec(&self.rqth_majoration, "rqth_majoration", false)?,
            distance_share: dec(&self.distance_share, "distance_share", true)?,
            distance_hours: dec(&self.distance_hours, "distance_hours", false)?,
            cfa_hours: dec(&self.cfa_hours, "cfa_hours", false)?,
            distance_exempt: present(&self.distance_exempt)
                .map(|t| parse_bool(t, "distance_exempt"))
                .transpose()?,
            reduced_duration: flag(&self.reduced_duration, "reduced_duration")?,
            annexes,
            cfa_entry_on: date(&self.cfa_entry_on, "cfa_entry_on")?,
            rqth: flag(&self.rqth, "rqth")?,
            birth_date: date(&self.birth_date, "birth_date")?,
            company_headcount: present(&self.company_headcount)
                .map(|t| parse_count(t, "company_headcount"))
                .transpose()?,
            monthly_salary: dec(&self.monthly_salary, "monthly_salary", false)?,
            tutor_aid: dec(&self.tutor_aid, "tutor_aid", false)?,
            cycle_year: present(&self.cycle_year)
                .map(|t| {
                    t.parse::<u8>().map_err(|_| {
                        Error::new(
                            ErrorKind::OutOfRange,
                            Some("cycle_year"),
                            format!("« {} » : l'année du cycle de formation où commence le contrat est 1, 2 ou 3", quoted(t)),
                        )
                    })
                })
                .transpose()?,
            licence_pro: flag(&self.licence_pro, "licence_pro")?,
            conventional_minimum: dec(&self.conventional_minimum, "conventional_minimum", false)?,
            same_level_related_diploma: flag(
                &self.same_level_related_diploma,
                "same_level_related_diploma",
            )?,
            employer_type,
            alternance_quota: match present(&self.alternance_quota)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("committed") | Some("engagee") | Some("engagée") => Some(QuotaCommitment::Committed),
                Some("not_committed") | Some("non_engagee") | Some("non engagée") => {
                    Some(QuotaCommitment::NotCommitted)
                }
                Some(other) => {
                    return Err(invalid(
                        "alternance_quota",
                        format!(
                            "« {} » : indiquez \"committed\" (engagée à atteindre le seuil d'alternants) ou \"not_committed\"",
                            crate::text::quoted(other)
                        ),
                    ))
                }
            },
            insertion_share: dec(&self.insertion_share, "insertion_share", true)?,
            alternant_share: dec(&self.alternant_share, "alternant_share", true)?,
            alternant_growth: dec(&self.alternant_growth, "alternant_growth", true)?,
            rupture_reason: match present(&self.rupture_reason)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("l6222_18") | Some("l6222-18") => Some(RuptureReason::L6222_18),
                Some("diploma_obtained") => Some(RuptureReason::DiplomaObtained),
                Some(other) => {
                    return Err(invalid(
                        "rupture_reason",
                        format!(
                            "« {} » : indiquez \"l6222_18\" (rupture en application de L6222-18 : période probatoire, accord des parties, licenciement, démission…) ou \"diploma_obtained\" (obtention du diplôme, L6222-19)",
                            quoted(other)
                        ),
                    ))
                }
            },
            cfa_stay_until: date(&self.cfa_stay_until, "cfa_stay_until")?,
            territory: parse_territory(present(&self.territory))?,
            ultramarine_mobility: match present(&self.ultramarine_mobility)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("to_hexagone") => Some(UltramarineMobility::ToHexagone),
                Some("inter_overseas") => Some(UltramarineMobility::InterOverseas),
                Some(other) => {
                    return Err(invalid(
                        "ultramarine_mobility",
                        format!(
                            "« {} » : indiquez \"to_hexagone\" (mobilité vers l'hexagone) ou \"inter_overseas\" (entre territoires d'outre-mer)",
                            quoted(other)
                        ),
                    ))
                }
            },
            npec_overseas_modulation: dec(
                &self.npec_overseas_modulation,
                "npec_overseas_modulation",
                false,
            )?,
            contract_kind: parse_contract_kind(present(&self.contract_kind))?,
            cfa_change: match present(&self.cfa_change)
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                None => None,
                Some("during_probation") => Some(CfaChange::DuringProbation),
                Some("after_probation") => Some(CfaChange::AfterProbation),
                Some(other) => {
                    return Err(invalid(
                        "cfa_change",
                        format!(
                            "« {} » : indiquez \"during_probation\" (changement de CFA pendant la période probatoire de 45 jours) ou \"after_probation\" (après elle)",
                            quoted(other)
                        ),
                    ))
                }
            },
            initial_rncp: rncp_of(&self.initial_rncp, "initial_rncp")?,
            previous_aid_same_certification: flag(
                &self.previous_aid_same_certification,
                "previous_aid_same_certification",
            )?,
            previous_last_year_rate: dec(
                &self.previous_last_year_rate,
                "previous_last_year_rate",
                true,
            )?,
            employer_siret: present(&self.employer_siret)
                .map(|t| parse_siret(t, "employer_siret"))
                .transpose()?,
            previous_employer_siret: present(&self.previous_employer_siret)
                .map(|t| parse_siret(t, "previous_employer_siret"))
                .transpose()?,
            atmp_rate: dec(&self.atmp_rate, "atmp_rate", true)?,
            mobility_rate: dec(&self.mobility_rate, "mobility_rate", true)?,
            alsace_moselle: flag(&self.alsace_moselle, "alsace_moselle")?,
            health_insurance_monthly: dec(
                &self.health_insurance_monthly,
                "health_insurance_monthly",
                false,
            )?,
            health_insurance_employer_share: dec(
                &self.health_insurance_employer_share,
                "health_insurance_employer_share",
                true,
            )?,
        };
        contract.check_bounds()?;
        Ok(contract)
    }
}

/// D24: who employs the apprentice, `private` when absent.
fn parse_employer_type(text: Option<&str>) -> Result<EmployerType> {
    Ok(match text.map(str::to_ascii_lowercase).as_deref() {
        None | Some("private") | Some("prive") | Some("privé") => EmployerType::Private,
        Some("state") | Some("etat") | Some("état") => EmployerType::State,
        Some("territorial") => EmployerType::Territorial,
        Some("hospital") | Some("hospitalier") => EmployerType::Hospital,
        Some("other_public") => EmployerType::OtherPublic,
        Some(_) => {
            return Err(invalid(
                "employer_type",
                format!(
                    "« {} » : indiquez private (employeur privé, ou public dont le personnel relève du droit \
                     privé), state, territorial, hospital ou other_public",
                    quoted(text.unwrap_or_default())
                ),
            ))
        }
    })
}

/// D25: which contract this is, `initial` when absent.
fn parse_contract_kind(text: Option<&str>) -> Result<ContractKind> {
    let Some(t) = text else {
        return Ok(ContractKind::Initial);
    };
    let word = t.to_ascii_lowercase().replace(['-', ' '], "_");
    ContractKind::ALL
        .iter()
        .find(|(_, w)| *w == word)
        .map(|(kind, _)| *kind)
        .ok_or_else(|| {
            invalid(
                "contract_kind",
                format!(
                    "« {} » : indiquez initial (premier contrat), avenant, new_same_employer (nouveau contrat avec le \
                     même employeur), new_other_employer_after_rupture (avec un autre employeur après une rupture, \
                     L6222-18-2) ou prolongation_failure (prolongation après un échec à l'examen, L6222-11)",
                    quoted(t)
                ),
            )
        })
}

/// A SIRET: 14 digits, spaces allowed (`123 456 789 00012`).
fn parse_siret(text: &str, field: &str) -> Result<String> {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 14 && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(invalid(
            field,
            format!(
                "« {} » n'est pas un SIRET : il s'écrit avec 14 chiffres (123 456 789 00012)",
                quoted(text)
            ),
        ))
    }
}

/// D22: the territory where the contract is executed, `hexagone` when absent.
fn parse_territory(text: Option<&str>) -> Result<Territory> {
    let Some(t) = text else {
        return Ok(Territory::Hexagone);
    };
    let word = t.to_ascii_lowercase().replace(['-', ' '], "_");
    Territory::ALL
        .iter()
        .find(|(_, w)| *w == word)
        .map(|(territory, _)| *territory)
        .ok_or_else(|| {
            let words: Vec<&str> = Territory::ALL.iter().map(|(_, w)| *w).collect();
            invalid(
                "territory",
                format!(
                    "« {} » n'est pas un territoire connu : indiquez {}",
                    quoted(t),
                    words.join(", ")
                ),
            )
        })
}
