//! The dated parameters of the social contributions (`data/parameters/contributions.toml`).

use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

#[cfg(feature = "toml")]
use crate::error::{Error, ErrorKind, Result};
use crate::rules::Dated;
#[cfg(feature = "toml")]
use crate::rules::RawParam;

/// The contribution lines of the data file, in the order of a payslip: each is a parameter of its own.
#[cfg(feature = "toml")]
pub(crate) const LEVIES: &[&str] = &[
    "maladie",
    "maladie_alsace_moselle",
    "vieillesse_plafonnee",
    "vieillesse_deplafonnee",
    "allocations_familiales",
    "csa",
    "fnal_under_50",
    "fnal_from_50",
    "chomage",
    "ags",
    "retraite_complementaire_t1",
    "retraite_complementaire_t2",
    "ceg_t1",
    "ceg_t2",
    "cet",
    "dialogue_social",
    "formation_professionnelle",
    "taxe_apprentissage",
    "taxe_apprentissage_alsace_moselle",
    "taxe_apprentissage_solde",
    "peec",
    "csg",
    "crds",
];

/// One contribution on the gross salary, for one period.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevyRule {
    /// The employer's rate.
    pub employer: Decimal,
    /// The employee's rate.
    pub employee: Decimal,
    /// The slice starts at this many plafonds (0: from the first euro).
    #[serde(default)]
    pub above_pss: u8,
    /// The slice ends at this many plafonds (0: no ceiling).
    #[serde(default)]
    pub up_to_pss: u8,
    /// Due from this headcount.
    #[serde(default)]
    pub min_headcount: u32,
    /// Due under this headcount.
    #[serde(default)]
    pub below_headcount: Option<u32>,
    /// Only in the régime local d'Alsace-Moselle (true), or only outside it (false).
    #[serde(default)]
    pub alsace_moselle: Option<bool>,
    /// The employee part is due only above the apprentice's exemption (L6243-2).
    #[serde(default)]
    pub apprentice_exempt: bool,
    /// The réduction générale is imputed on the employer part.
    #[serde(default)]
    pub reduced: bool,
    /// Due only when the gross exceeds the plafond (the CET).
    #[serde(default)]
    pub only_above_pss: bool,
    /// A lower employer rate for salaries up to a multiple of a frozen SMIC.
    #[serde(default)]
    pub reduced_rate: Option<ReducedRate>,
    /// The share of the slice taken as base, up to `base_share_up_to_pss` plafonds (CSG-CRDS: 98,25 %).
    #[serde(default)]
    pub base_share: Option<Decimal>,
    /// See `base_share`.
    #[serde(default)]
    pub base_share_up_to_pss: u8,
    /// The apprentice's CSG-CRDS exemption applies (L136-1-1 III 4° b CSS).
    #[serde(default)]
    pub csg: bool,
}

/// A reduced employer rate (maladie, allocations familiales before 2026).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReducedRate {
    /// The rate.
    pub rate: Decimal,
    /// For salaries up to this many…
    pub smic_multiple: Decimal,
    /// …monthly SMIC of this amount (the SMIC frozen by the LFSS).
    pub smic: Decimal,
}

/// The apprentice's exemption of employee contributions, by date of conclusion.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExemptionRule {
    /// Employee contributions are due on the salary above this share of the SMIC.
    pub social_smic_share: Decimal,
    /// CSG-CRDS are due on the salary above this share of the SMIC; none at all when absent.
    #[serde(default)]
    pub csg_smic_share: Option<Decimal>,
}

/// The réduction générale: coefficient = minimum + delta × ((exit_smic × SMIC / gross − 1) / divisor) ^
/// (exponent_quarters / 4), at most minimum + delta, rounded to 4 decimals.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReductionRule {
    /// Tmin (0 before 2026).
    pub minimum: Decimal,
    /// T, or Tdelta, under 50 employees.
    pub delta_under_50: Decimal,
    /// T, or Tdelta, from 50 employees.
    pub delta_from_50: Decimal,
    /// 0,6 (the « Fillon » formula) or 2 (the RGDU's ½).
    pub divisor: Decimal,
    /// No reduction from this many SMIC.
    pub exit_smic: Decimal,
    /// The exponent in quarters: 4 (linear) or 7 (1,75).
    pub exponent_quarters: u8,
}

/// The AT/MP rates of the year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtmpRule {
    /// The national average net rate, used when the establishment's own is not given.
    pub average: Decimal,
    /// The lowest rate counted in the réduction générale.
    pub minimum: Decimal,
    /// The highest rate accepted as the establishment's own (above it, a typing error is likelier).
    pub max_rate: Decimal,
}

/// The versement mobilité's conditions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransportRule {
    /// Due from this headcount.
    pub min_headcount: u32,
    /// The highest rate a local authority may set.
    pub max_rate: Decimal,
}

/// The mutuelle's rule.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HealthInsuranceRule {
    /// The employer pays at least this share of the premium.
    pub min_employer_share: Decimal,
}

/// The dated parameters of the social contributions.
///
/// ```
/// let book = coutcontrat::employer::ContributionBook::embedded();
/// assert!(book.levies().any(|(key, _)| key == "vieillesse_plafonnee"));
/// ```
#[derive(Debug, Clone)]
pub struct ContributionBook {
    pub(crate) pss_monthly: Dated<Decimal>,
    pub(crate) smic_annual_hours: Dated<u32>,
    pub(crate) apprentice_exemption: Dated<ExemptionRule>,
    pub(crate) general_reduction: Dated<ReductionRule>,
    pub(crate) atmp: Dated<AtmpRule>,
    pub(crate) mobility: Dated<TransportRule>,
    pub(crate) health_insurance: Dated<HealthInsuranceRule>,
    /// In the order of [`LEVIES`].
    pub(crate) levies: Vec<Dated<LevyRule>>,
    /// [`ContributionBook::change_dates`], found once.
    pub(crate) changes: OnceLock<Vec<jiff::civil::Date>>,
}

#[cfg(feature = "toml")]
fn unreadable(what: &str) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("le fichier de paramètres des cotisations est illisible : {what}"),
    )
}

impl ContributionBook {
    /// Reads a parameter file in the format of `data/parameters/contributions.toml`.
    ///
    /// # Errors
    ///
    /// [`crate::error::ErrorKind::Data`] when the text is not TOML, a parameter is missing or unknown, a value has
    /// the wrong type, or the steps of a parameter are not in increasing date order.
    ///
    /// ```
    /// use coutcontrat::employer::{ContributionBook, EMBEDDED_CONTRIBUTION_PARAMETERS};
    /// assert!(ContributionBook::from_toml(EMBEDDED_CONTRIBUTION_PARAMETERS).is_ok());
    /// assert!(ContributionBook::from_toml("csg = 1").is_err());
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<ContributionBook> {
        let mut table: toml::Table =
            toml::from_str(text).map_err(|e| unreadable(&e.to_string()))?;
        fn take<T: Clone + serde::de::DeserializeOwned>(
            table: &mut toml::Table,
            name: &'static str,
        ) -> Result<Dated<T>> {
            let value = table
                .remove(name)
                .ok_or_else(|| unreadable(&format!("paramètre `{name}` absent")))?;
            let raw: RawParam<toml::Value> = value
                .try_into()
                .map_err(|e| unreadable(&format!("paramètre `{name}` : {e}")))?;
            Dated::read(name, raw)
        }
        let book = ContributionBook {
            pss_monthly: take(&mut table, "pss_monthly")?,
            smic_annual_hours: take(&mut table, "smic_annual_hours")?,
            apprentice_exemption: take(&mut table, "apprentice_exemption")?,
            general_reduction: take(&mut table, "general_reduction")?,
            atmp: take(&mut table, "atmp")?,
            mobility: take(&mut table, "mobility")?,
            health_insurance: take(&mut table, "health_insurance")?,
            levies: LEVIES
                .iter()
                .map(|name| take(&mut table, name))
                .collect::<Result<_>>()?,
            changes: OnceLock::new(),
        };
        if let Some(name) = table.keys().next() {
            return Err(unreadable(&format!("paramètre `{name}` inconnu")));
        }
        Ok(book)
    }

    /// The contribution lines, with their keys, in payslip order.
    pub fn levies(&self) -> impl Iterator<Item = (&'static str, &Dated<LevyRule>)> {
        self.levies.iter().map(|d| (d.name(), d))
    }

    /// Every date on which a parameter of a month's contributions changes, in order: between two of them
    /// the law of a month is the same.
    pub(crate) fn change_dates(&self) -> &[jiff::civil::Date] {
        self.changes.get_or_init(|| {
            let mut dates: Vec<jiff::civil::Date> = self
                .levies
                .iter()
                .flat_map(Dated::froms)
                .chain(self.pss_monthly.froms())
                .chain(self.smic_annual_hours.froms())
                .chain(self.general_reduction.froms())
                .chain(self.atmp.froms())
                .chain(self.mobility.froms())
                .collect();
            dates.sort_unstable();
            dates.dedup();
            dates
        })
    }

    /// The last day any of the parameters was checked.
    pub fn last_checked(&self) -> jiff::civil::Date {
        self.levies
            .iter()
            .map(Dated::last_checked)
            .chain([
                self.pss_monthly.last_checked(),
                self.general_reduction.last_checked(),
                self.atmp.last_checked(),
            ])
            .min()
            .unwrap_or_else(|| self.pss_monthly.last_checked())
    }
}
