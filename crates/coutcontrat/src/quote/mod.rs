//! The quote: from one contract and a référentiel to every figure of the money flow, each explained.

mod annexes;
mod distance;
mod edition;
pub(crate) mod explanations;
mod npec;
mod output;
mod participation;
pub mod policy;
mod post_rupture;
mod public;
mod schedule;
mod succession;
mod validate;
pub(crate) mod warnings;
pub(crate) mod years;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::contract::Contract;
use crate::dates::{add_years, day_before, days_inclusive};
use crate::employer::{net_cost, ContributionBook, EmployerBook, NetInput};
use crate::error::{Error, ErrorKind, Result};
use crate::money::{euros, french_number, prorate, Money};
use crate::referentiel::Referentiel;
use crate::rules::{Provenance, RuleBook, RuleSet};
use validate::validate;

pub use explanations::{Explanation, Source};
pub use output::{
    AnnexesLine, Minoration, NpecSource, NpecUsed, ParticipationKind, PostRuptureLine,
    PrecontractLine, Quote, RowRef, Totals,
};
pub use policy::{LeapYear, Policy};
pub use schedule::{build_schedule, Instalment};
pub use warnings::Warning;
pub use years::{allocate, YearLine};

/// The refusal of a computation that overflows: only an amount far beyond [`crate::money::MAX_AMOUNT_EUROS`]
/// gets there (a référentiel row or a parameter that a quote does not bound itself), never a contract.
pub(crate) fn overflow(what: &str, amount: Decimal) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!(
            "{what} ne peut pas être calculée sur un montant de {amount} € : une donnée (ligne du référentiel ou \
             paramètre) est erronée ; vérifiez-la (coutcontrat verify) ou réimportez le référentiel officiel"
        ),
    )
}

/// Computes quotes with a rule book, a référentiel and a policy.
///
/// ```
/// use coutcontrat::{Contract, Quoter, Referentiel};
/// use jiff::civil::date;
/// let referentiel = Referentiel::default();
/// let contract = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2027, 2, 28), "9000".parse().unwrap())
///     .with_manual_npec("7000".parse().unwrap())
///     .with_level(6);
/// let quote = Quoter::new(&referentiel).quote(&contract).unwrap();
/// assert_eq!(quote.totals.npec.to_string(), "10471.23");
/// assert_eq!(quote.totals.opco.to_string(), "9721.23");
/// assert_eq!(quote.totals.employer.to_string(), "3741.78");
/// ```
#[derive(Debug, Clone)]
pub struct Quoter<'a> {
    rules: &'a RuleBook,
    employer: &'a EmployerBook,
    contributions: &'a ContributionBook,
    referentiel: &'a Referentiel,
    policy: Policy,
    detail: bool,
}

/// Quotes one contract with the embedded parameters and the default policy.
///
/// # Errors
///
/// As [`Quoter::quote`].
///
/// ```
/// use coutcontrat::{quote::quote, Contract, Referentiel};
/// use jiff::civil::date;
/// let contract = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2026, 8, 31), "7000".parse().unwrap())
///     .with_manual_npec("7000".parse().unwrap())
///     .with_level(5);
/// assert_eq!(quote(&contract, &Referentiel::default()).unwrap().totals.opco.to_string(), "7000.00");
/// ```
pub fn quote(contract: &Contract, referentiel: &Referentiel) -> Result<Quote> {
    Quoter::new(referentiel).quote(contract)
}

struct Ctx<'c> {
    contract: &'c Contract,
    rules: &'c RuleSet,
    /// The contract as stipulated (start to planned end) lasts under one year: it decides the +10 % of D5
    /// and the payment terms of D13 (R6332-25 IV); a rupture only shortens what is due.
    planned_short: bool,
    /// The first anniversary of the start, read by D5's +10 % and by the first execution year.
    first_anniversary: Date,
    detail: bool,
    warnings: Vec<Warning>,
    explanations: Vec<Explanation>,
    sources: Vec<Source>,
}

impl Ctx<'_> {
    fn warn(&mut self, code: &'static str, message: String, hint: impl Into<String>) {
        self.warnings.push(Warning {
            code,
            message,
            hint: hint.into(),
        });
    }

    fn explain(
        &mut self,
        figure: impl Into<String>,
        rule: &'static str,
        article: &str,
        text: String,
    ) {
        self.explanations.push(Explanation {
            figure: figure.into(),
            rule,
            article: article.to_owned(),
            text,
        });
    }

    fn cite(&mut self, rule: &str, title: &str, p: &Provenance) {
        self.cite_article(rule, title, &p.article, &p.reference);
    }

    /// Cites a rule that rests on an article alone, no dated value (a power the law gives, an amount typed).
    fn cite_article(&mut self, rule: &str, title: &str, article: &str, reference: &str) {
        if !self.detail || self.sources.iter().any(|s| s.rule == rule) {
            return;
        }
        self.sources.push(Source {
            rule: rule.to_owned(),
            title: title.to_owned(),
            article: article.to_owned(),
            reference: reference.to_owned(),
        });
    }
}

/// Builds an explanation's text only when the quoter keeps details.
macro_rules! explain {
    ($ctx:expr, $figure:expr, $rule:expr, $article:expr, $text:expr $(,)?) => {
        if $ctx.detail {
            let text = $text;
            $ctx.explain($figure, $rule, $article, text);
        }
    };
}
use explain;

impl<'a> Quoter<'a> {
    /// A quoter with the embedded parameters and the default policy (RULES.md section 0).
    pub fn new(referentiel: &'a Referentiel) -> Quoter<'a> {
        Quoter {
            rules: RuleBook::embedded(),
            employer: EmployerBook::embedded(),
            contributions: ContributionBook::embedded(),
            referentiel,
            policy: Policy::default(),
            detail: true,
        }
    }

    /// The référentiel it quotes on.
    pub fn referentiel(&self) -> &'a Referentiel {
        self.referentiel
    }

    /// Leaves out the explanations and sources (the figures and warnings stay): for batch work where
    /// nobody reads the "how is this computed?" text.
    pub fn without_details(mut self) -> Quoter<'a> {
        self.detail = false;
        self
    }

    /// Uses another policy.
    pub fn with_policy(mut self, policy: Policy) -> Quoter<'a> {
        self.policy = policy;
        self
    }

    /// Uses other parameters for the social contributions.
    pub fn with_contribution_rules(mut self, book: &'a ContributionBook) -> Quoter<'a> {
        self.contributions = book;
        self
    }

    /// Uses other parameters for the employer's cost.
    pub fn with_employer_rules(mut self, book: &'a EmployerBook) -> Quoter<'a> {
        self.employer = book;
        self
    }

    /// Uses other parameters.
    pub fn with_rules(mut self, rules: &'a RuleBook) -> Quoter<'a> {
        self.rules = rules;
        self
    }

    /// The quote of one contract, or the first problem with it.
    ///
    /// # Errors
    ///
    /// An [`Error`] naming the field at fault: an invalid contract (D16: a date out of range, the end before
    /// the start, a level outside 3–8, a negative amount…), a missing input (the level when the
    /// participation or an amorçage value depends on it, the RNCP code without a NPEC, the rupture date of a
    /// rupture during the probation), an IDCC that maps to several CPNE or none, or a contract concluded
    /// before the rules this library applies.
    ///
    /// ```
    /// use coutcontrat::{Contract, Quoter, Referentiel};
    /// use jiff::civil::date;
    /// let referentiel = Referentiel::default();
    /// let contract = Contract::new(date(2025, 8, 15), date(2025, 9, 1), date(2026, 8, 31), "7000".parse().unwrap())
    ///     .with_manual_npec("7000".parse().unwrap());
    /// // Concluded after 2025-07-01: the participation depends on the level, which is missing.
    /// let err = Quoter::new(&referentiel).quote(&contract).unwrap_err();
    /// assert_eq!(err.field(), Some("level"));
    /// ```
    pub fn quote(&self, contract: &Contract) -> Result<Quote> {
        let rules = validate(contract, self.rules)?;
        succession::check_succession(contract)?;
        public::refuse_public_employer(contract, self.employer)?;
        let first_anniversary = add_years(contract.start, 1);
        let mut ctx = Ctx {
            contract,
            rules,
            planned_short: contract.end < day_before(first_anniversary),
            first_anniversary,
            detail: self.detail,
            warnings: Vec::new(),
            explanations: Vec::new(),
            sources: Vec::new(),
        };
        let c = contract;
        let regime = rules.regime;
        let regime_src = &rules.sources.regime;
        ctx.cite("D1", "Régime selon la date de conclusion", regime_src);

        let level_needed = |why: &str| {
            Error::new(
                ErrorKind::Missing,
                Some("level"),
                format!("le niveau de la certification (3 à 8) est nécessaire : {why}"),
            )
        };
        if rules.participation.applies && c.level.is_none() {
            return Err(level_needed(
                "il décide de la participation de l'employeur (niveau 6 et plus, contrats conclus depuis le 1er juillet 2025)",
            ));
        }

        // D11, D12: the annual NPEC.
        let (mut npec, base) = self.base_npec(&mut ctx)?;

        // D5, R2b: distance minoration.
        let mut annual = base;
        if let Some(distance) = distance::distance(c)? {
            let d = &rules.distance;
            let share = distance.share();
            let exemptions = &rules.distance_exemptions;
            // D27: exempt by the list, or as the contract says once the arrêté applies.
            let exempt = c.rncp.as_ref().is_some_and(|r| exemptions.rncp.contains(r))
                || (exemptions.applies && c.distance_exempt == Some(true));
            if !d.applies {
                explain!(
                    ctx,
                    "npec.annual",
                    "D27",
                    &rules.sources.distance.article,
                    format!(
                        "enseignement à distance déclaré : pas de minoration pour un contrat conclu le {} (avant le décret n° 2025-586)",
                        c.signed_on
                    ),
                );
            } else if c.distance_exempt == Some(true) && !exemptions.applies {
                explain!(
                    ctx,
                    "npec.annual",
                    "D27",
                    &rules.sources.distance_exemptions.article,
                    format!(
                        "certification déclarée exemptée, mais l'exemption ne vaut pas pour un contrat conclu le {} ({})",
                        c.signed_on, rules.sources.distance_exemptions.reference
                    ),
                );
            }
            if d.applies && distance.reaches(d.threshold) && !exempt {
                let minorated = Decimal::ONE
                    .checked_sub(d.rate)
                    .and_then(|kept| base.checked_mul(kept))
                    .ok_or_else(|| overflow("la minoration pour enseignement à distance", base))?;
                annual = minorated.max(base.min(d.floor));
                let src = &rules.sources.distance;
                ctx.cite("D5", "Minoration pour enseignement à distance", src);
                explain!(
                ctx,
                    "npec.annual",
                    "D5",
                    &src.article,
                    format!(
                        "{} % d'enseignement à distance (seuil {} %) : {} × (1 − {}) = {}, jamais sous {} (sauf NPEC déjà inférieur) → {}",
                        french_number((share * Decimal::from(100)).normalize()),
                        french_number((d.threshold * Decimal::from(100)).normalize()),
                        euros(base),
                        french_number(d.rate),
                        euros(minorated),
                        euros(d.floor),
                        euros(annual)
                    ),
                );
                npec.minoration = Some(Minoration {
                    share,
                    before: Money::from_decimal(base),
                    after: Money::from_decimal(annual),
                });
                if !rules.distance_exemptions.complete && c.distance_exempt.is_none() {
                    let reference = &rules.sources.distance_exemptions.reference;
                    ctx.warn(
                        "distance_exemptions_unknown",
                        format!(
                            "la minoration de 20 % est appliquée, mais la liste des certifications exemptées n'est pas encore saisie ({reference})"
                        ),
                        "vérifiez que la certification ne figure pas dans l'arrêté du 26 novembre 2025 ; si elle y figure, ne déclarez pas d'enseignement à distance",
                    );
                }
            }
        }
        npec.annual = Money::from_decimal(annual);

        let (years, sums) = self.years(&mut ctx, annual)?;
        let level = c.level;

        // D14, D19: days in a CFA before the contract, over the first execution year's length (as D3);
        // none when the entry is the start.
        let last = day_before(c.start.min(c.signed_on));
        let precontract = c.cfa_entry_on.filter(|entry| last >= *entry).map(|entry| {
            let days = days_inclusive(entry, last);
            let denominator = if self.policy.precontract_denominator_365 {
                i64::from(rules.precontract.days_per_year)
            } else {
                years[0].length
            };
            let amount = prorate(annual, days, denominator)
                .ok_or_else(|| overflow("la période en CFA avant le contrat", annual))?;
            let src = &rules.sources.precontract;
            ctx.cite("D14", "Période en CFA avant le contrat", src);
            explain!(
                ctx,
                "precontract.amount",
                "D19",
                &src.article,
                format!(
                    "{days} jours en CFA du {entry} au {last}, sur les {denominator} jours de la première année d'exécution : {} × {days} / {denominator} = {}",
                    euros(annual),
                    euros(amount)
                ),
            );
            Ok(PrecontractLine {
                from: entry,
                to: last,
                days,
                amount: Money::from_decimal(amount),
            })
        });
        if precontract.is_some() && c.signed_on != c.start {
            ctx.warn(
                "precontract_start_not_signature",
                format!(
                    "une période en CFA avant le contrat est déclarée, mais le contrat est conclu le {} et commence le {}",
                    c.signed_on, c.start
                ),
                "après un parcours en CFA, la date de début d'exécution du Cerfa doit être celle de la signature (vade-mecum CFA des OPCO)",
            );
        }
        let precontract = precontract.transpose()?;

        // D23: days in the CFA after a rupture.
        let post_rupture = self.post_rupture(&mut ctx, annual, &years)?;

        // D8: participation.
        let (participation, participation_kind) = self.participation(&mut ctx, annual, &years)?;
        let participation = Money::from_decimal(participation);

        // D10: frais annexes.
        let annexes = self.annexes(&mut ctx)?;

        // Totals (D8, D9).
        let pre = precontract.as_ref().map_or(Money::ZERO, |p| p.amount);
        let years_opco = Money::from_cents(sums.opco);
        let (post, post_rqth, post_modulation) = post_rupture
            .as_ref()
            .map_or((Money::ZERO, Money::ZERO, Money::ZERO), |p| {
                (p.amount, p.rqth, p.overseas_modulation)
            });
        let years_rqth = Money::from_cents(sums.rqth) + post_rqth;
        let modulation = Money::from_cents(sums.overseas_modulation) + post_modulation;
        let years_employer = Money::from_cents(sums.employer);
        let teaching = years_opco + pre;
        // The stay after a rupture bears no participation (D23): it is added after the floor.
        let opco = (teaching - participation).max(Money::ZERO) + post;
        if participation > teaching && participation_kind == ParticipationKind::Probation {
            ctx.warn(
                "participation_exceeds_funding",
                format!(
                    "la participation ({}, 50 % du NPEC de la période) dépasse ce que l'OPCO finance pour la période ({}) : l'employeur paie plus que le prix du CFA",
                    euros(participation),
                    euros(teaching)
                ),
                "lu comme 50 % du financement de l'OPCO (service-public), la participation serait plus basse : option probation_base_opco_funded",
            );
        } else if participation > teaching {
            ctx.warn(
                "participation_exceeds_opco",
                format!(
                    "la participation ({}) dépasse ce que l'OPCO verse pour l'enseignement ({}) : l'OPCO ne verse rien à ce titre",
                    euros(participation),
                    euros(teaching)
                ),
                "vérifiez le prix du CFA : un prix si bas est inhabituel",
            );
        }
        let totals = Totals {
            npec: Money::from_cents(sums.npec),
            price: Money::from_cents(sums.price),
            opco,
            employer: years_employer + participation,
            rqth: years_rqth,
            overseas_modulation: modulation,
            annexes: annexes.total,
            opco_all: opco + years_rqth + modulation + annexes.total,
        };
        explain!(
                ctx,
            "totals.opco",
            "D8",
            "R6332-25 III ; R6332-25-1",
            format!(
                "somme des montants OPCO des années ({}) + période préalable ({}) − participation ({}) + maintien en CFA après la rupture ({}) = {}",
                euros(years_opco),
                euros(pre),
                euros(participation),
                euros(post),
                euros(opco)
            ),
        );
        explain!(
            ctx,
            "totals.employer",
            "D6",
            "R6332-25 ; R6332-25-1",
            format!(
                "prix au-delà du NPEC ({}) + participation ({}) = {}",
                euros(years_employer),
                euros(participation),
                euros(totals.employer)
            ),
        );

        // D13: schedule.
        let schedule_src = &rules.sources.schedule;
        ctx.cite("D13", "Échéancier des versements de l'OPCO", schedule_src);
        let mut schedule = build_schedule(
            &rules.schedule,
            &years,
            pre,
            participation.min(teaching),
            annexes.total,
            ctx.planned_short,
            c.effective_end(),
        );

        // D23: the stay's payments, claimed by the CFA after it.
        if let Some(p) = post_rupture
            .as_ref()
            .filter(|p| !(p.amount + p.rqth + p.overseas_modulation).is_zero())
        {
            // The execution year of the stay's last day.
            let mut year = years.len() as i32;
            while add_years(c.start, year) <= p.to {
                year += 1;
            }
            schedule.push(Instalment {
                due: crate::dates::day_after(p.to),
                kind: std::borrow::Cow::Borrowed("post_rupture"),
                year: year as u32,
                amount: p.amount + p.rqth + p.overseas_modulation,
            });
            if !schedule.is_sorted_by_key(|i| i.due) {
                schedule.sort_by_key(|i| i.due);
            }
        }

        self.duration_warnings(&mut ctx);
        self.succession_notes(&mut ctx, participation);
        let mut payroll_explanations = Vec::new();
        let net_cost = net_cost(
            NetInput {
                contract: c,
                years: &years,
                participation,
                planned_short: ctx.planned_short,
                policy: &self.policy,
                contributions: self.contributions,
                detail: self.detail,
            },
            self.employer,
            &mut ctx.warnings,
            &mut payroll_explanations,
        )?;
        if self.detail {
            ctx.explanations.extend(payroll_explanations);
        }

        Ok(Quote {
            npec,
            regime,
            rule_set: rules.id.clone(),
            level,
            years,
            precontract,
            post_rupture,
            participation,
            participation_kind,
            annexes,
            totals,
            schedule,
            warnings: ctx.warnings,
            sources: ctx.sources,
            explanations: ctx.explanations,
            net_cost,
        })
    }
}
