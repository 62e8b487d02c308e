//! The boxes of the form: text fields, tick boxes, the folding parts. The boxes of the core's inputs take
//! their label and their kind from the core's table of inputs ([`coutcontrat::contract::fields`]).

use coutcontrat::contract::fields::{self, FieldKind, FieldSpec};

/// A text field of the form. Its [`key`](Field::key) names it in the share link and, for the fields the
/// core knows, in the core's errors (`annexes.nights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Date of conclusion (signature).
    SignedOn,
    /// First day of execution.
    Start,
    /// Planned last day.
    End,
    /// The text of the certification search box.
    CertQuery,
    /// The RNCP code chosen (or typed as a code).
    Rncp,
    /// The certification level, 3 to 8.
    Level,
    /// The text of the branch search box.
    BranchQuery,
    /// The employer's IDCC.
    Idcc,
    /// The CPNE chosen when the IDCC has several (or a branch chosen without IDCC).
    Cpne,
    /// A manual annual NPEC.
    Npec,
    /// The CFA's price.
    Price,
    /// The annual RQTH majoration.
    RqthMajoration,
    /// The share of teaching at distance, in per cent.
    DistanceShare,
    /// Hours of teaching at distance.
    DistanceHours,
    /// Total hours of teaching.
    TotalHours,
    /// Date of a rupture.
    RuptureOn,
    /// Date of entry in the CFA before the contract.
    CfaEntryOn,
    /// Nights of accommodation.
    Nights,
    /// Meals.
    Meals,
    /// Cost of the first equipment.
    FirstEquipment,
    /// The apprentice's date of birth (net cost: minimum salary by age).
    BirthDate,
    /// The company's headcount (net cost: hiring aid under 250 or not).
    CompanyHeadcount,
    /// The agreed monthly gross salary, when above the minimum.
    MonthlySalary,
    /// The maître d'apprentissage aid granted by the branch, per month.
    TutorAid,
    /// The year of the training cycle the contract starts in (1, 2 or 3).
    CycleYear,
    /// The conventional minimum monthly salary of the job (D26).
    ConventionalMinimum,
    /// Private or public employer (D24).
    EmployerType,
    /// Where the contract is executed: the hexagone or an overseas territory (D22).
    Territory,
    /// A company of 250 or more: committed to the alternance quota or not (D21).
    AlternanceQuota,
    /// D21's 5 % route, in per cent.
    InsertionShare,
    /// D21's 3 % route: the share of alternants, in per cent…
    AlternantShare,
    /// …and their growth, in per cent.
    AlternantGrowth,
    /// Why the contract was broken off (D23).
    RuptureReason,
    /// After a rupture, the last day in the CFA (D23).
    CfaStayUntil,
    /// AKTO's ultramarine mobility, once per contract (D22).
    UltramarineMobility,
    /// The OPCO's overseas modulation of the NPEC, € a year (D22).
    NpecOverseasModulation,
    /// Which contract this is: initial, avenant, successive (D25).
    ContractKind,
    /// An avenant changing the CFA: during the probation or after (D25).
    CfaChange,
    /// An avenant: the initial contract's RNCP code (D25).
    InitialRncp,
    /// A successive contract: the previous contract's last-year rate, in per cent (D25).
    PreviousLastYearRate,
    /// The employer's SIRET (D25).
    EmployerSiret,
    /// The previous contract's employer's SIRET (D25).
    PreviousEmployerSiret,
    /// The establishment's AT/MP rate, in per cent (contributions).
    AtmpRate,
    /// The versement mobilité rate, in per cent (contributions).
    MobilityRate,
    /// The mutuelle's total monthly premium.
    HealthInsuranceMonthly,
    /// The employer's share of the mutuelle, in per cent.
    HealthInsuranceEmployerShare,
}

impl Field {
    /// Every field, in the order of the form.
    pub const ALL: [Field; 46] = [
        Field::SignedOn,
        Field::Start,
        Field::End,
        Field::CertQuery,
        Field::Rncp,
        Field::Level,
        Field::BranchQuery,
        Field::Idcc,
        Field::Cpne,
        Field::Npec,
        Field::Price,
        Field::RqthMajoration,
        Field::DistanceShare,
        Field::DistanceHours,
        Field::TotalHours,
        Field::RuptureOn,
        Field::CfaEntryOn,
        Field::Nights,
        Field::Meals,
        Field::FirstEquipment,
        Field::UltramarineMobility,
        Field::BirthDate,
        Field::CompanyHeadcount,
        Field::MonthlySalary,
        Field::TutorAid,
        Field::CycleYear,
        Field::ConventionalMinimum,
        Field::EmployerType,
        Field::Territory,
        Field::NpecOverseasModulation,
        Field::AlternanceQuota,
        Field::InsertionShare,
        Field::AlternantShare,
        Field::AlternantGrowth,
        Field::RuptureReason,
        Field::CfaStayUntil,
        Field::ContractKind,
        Field::CfaChange,
        Field::InitialRncp,
        Field::PreviousLastYearRate,
        Field::EmployerSiret,
        Field::PreviousEmployerSiret,
        Field::AtmpRate,
        Field::MobilityRate,
        Field::HealthInsuranceMonthly,
        Field::HealthInsuranceEmployerShare,
    ];

    /// The fields of the employer's whole cost: a message on one of them never hides the quote.
    pub const NET_COST: [Field; 15] = [
        Field::BirthDate,
        Field::CompanyHeadcount,
        Field::MonthlySalary,
        Field::TutorAid,
        Field::CycleYear,
        Field::ConventionalMinimum,
        Field::AlternanceQuota,
        Field::InsertionShare,
        Field::AlternantShare,
        Field::AlternantGrowth,
        Field::PreviousLastYearRate,
        Field::AtmpRate,
        Field::MobilityRate,
        Field::HealthInsuranceMonthly,
        Field::HealthInsuranceEmployerShare,
    ];

    /// The alternance quota's fields (D21), which count only for a company of 250 or more: in per cent on
    /// the page, except the commitment.
    pub const QUOTA_SHARES: [Field; 3] = [
        Field::InsertionShare,
        Field::AlternantShare,
        Field::AlternantGrowth,
    ];

    /// The shares the page asks in per cent besides the distance share: the quota's, the previous
    /// contract's last-year rate (D25), and the rates of the contributions.
    pub const PERCENT_SHARES: [Field; 7] = [
        Field::InsertionShare,
        Field::AlternantShare,
        Field::AlternantGrowth,
        Field::PreviousLastYearRate,
        Field::AtmpRate,
        Field::MobilityRate,
        Field::HealthInsuranceEmployerShare,
    ];

    /// The boxes of the contributions' part of the employer's whole cost.
    pub const CONTRIBUTIONS: [Field; 4] = [
        Field::AtmpRate,
        Field::MobilityRate,
        Field::HealthInsuranceMonthly,
        Field::HealthInsuranceEmployerShare,
    ];

    /// True for the fields of the employer's whole cost.
    pub fn is_net_cost(self) -> bool {
        Field::NET_COST.contains(&self)
    }

    /// The core's input this box fills, when it fills one: its kind, label and whether it is required
    /// are read there.
    pub fn input(self) -> Option<&'static FieldSpec> {
        match self {
            Field::CertQuery => fields::spec("rncp"),
            Field::BranchQuery => fields::spec("idcc"),
            _ => fields::spec(self.key()),
        }
    }

    /// True for the amounts in euros, which the page bounds by [`MAX_AMOUNT`](super::MAX_AMOUNT).
    pub fn is_amount(self) -> bool {
        self.input().is_some_and(|f| f.kind == FieldKind::Amount)
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }

    /// The name in the share link, and in the core's errors for the fields the core knows.
    pub fn key(self) -> &'static str {
        match self {
            Field::SignedOn => "signed_on",
            Field::Start => "start",
            Field::End => "end",
            Field::CertQuery => "cert_q",
            Field::Rncp => "rncp",
            Field::Level => "level",
            Field::BranchQuery => "branch_q",
            Field::Idcc => "idcc",
            Field::Cpne => "cpne",
            Field::Npec => "npec",
            Field::Price => "price",
            Field::RqthMajoration => "rqth_majoration",
            Field::DistanceShare => "distance_share",
            Field::DistanceHours => "distance_hours",
            Field::TotalHours => "cfa_hours",
            Field::RuptureOn => "rupture_on",
            Field::CfaEntryOn => "cfa_entry_on",
            Field::Nights => "annexes.nights",
            Field::Meals => "annexes.meals",
            Field::FirstEquipment => "annexes.first_equipment",
            Field::BirthDate => "birth_date",
            Field::CompanyHeadcount => "company_headcount",
            Field::MonthlySalary => "monthly_salary",
            Field::TutorAid => "tutor_aid",
            Field::CycleYear => "cycle_year",
            Field::ConventionalMinimum => "conventional_minimum",
            Field::EmployerType => "employer_type",
            Field::Territory => "territory",
            Field::AlternanceQuota => "alternance_quota",
            Field::InsertionShare => "insertion_share",
            Field::AlternantShare => "alternant_share",
            Field::AlternantGrowth => "alternant_growth",
            Field::RuptureReason => "rupture_reason",
            Field::CfaStayUntil => "cfa_stay_until",
            Field::UltramarineMobility => "ultramarine_mobility",
            Field::NpecOverseasModulation => "npec_overseas_modulation",
            Field::ContractKind => "contract_kind",
            Field::CfaChange => "cfa_change",
            Field::InitialRncp => "initial_rncp",
            Field::PreviousLastYearRate => "previous_last_year_rate",
            Field::EmployerSiret => "employer_siret",
            Field::PreviousEmployerSiret => "previous_employer_siret",
            Field::AtmpRate => "atmp_rate",
            Field::MobilityRate => "mobility_rate",
            Field::HealthInsuranceMonthly => "health_insurance_monthly",
            Field::HealthInsuranceEmployerShare => "health_insurance_employer_share",
        }
    }

    /// The id of the element that carries the field's message in the page. The RNCP code and the IDCC are
    /// entered through their search boxes, so their messages go there.
    pub fn id(self) -> &'static str {
        match self {
            Field::SignedOn => "signed_on",
            Field::Start => "start",
            Field::End => "end",
            Field::CertQuery | Field::Rncp => "certification",
            Field::Level => "level",
            Field::BranchQuery | Field::Idcc => "branch",
            Field::Cpne => "cpne",
            Field::Npec => "npec",
            Field::Price => "price",
            Field::RqthMajoration => "rqth_majoration",
            Field::DistanceShare => "distance_share",
            Field::DistanceHours => "distance_hours",
            Field::TotalHours => "cfa_hours",
            Field::RuptureOn => "rupture_on",
            Field::CfaEntryOn => "cfa_entry_on",
            Field::Nights => "annexes-nights",
            Field::Meals => "annexes-meals",
            Field::FirstEquipment => "annexes-first_equipment",
            Field::BirthDate => "birth_date",
            Field::CompanyHeadcount => "company_headcount",
            Field::MonthlySalary => "monthly_salary",
            Field::TutorAid => "tutor_aid",
            Field::CycleYear => "cycle_year",
            Field::EmployerType => "employer_type",
            Field::Territory => "territory",
            Field::AlternanceQuota => "alternance_quota",
            Field::InsertionShare => "insertion_share",
            Field::AlternantShare => "alternant_share",
            Field::AlternantGrowth => "alternant_growth",
            Field::ConventionalMinimum => "conventional_minimum",
            Field::RuptureReason => "rupture_reason",
            Field::CfaStayUntil => "cfa_stay_until",
            Field::UltramarineMobility => "ultramarine_mobility",
            Field::NpecOverseasModulation => "npec_overseas_modulation",
            Field::ContractKind => "contract_kind",
            Field::CfaChange => "cfa_change",
            Field::InitialRncp => "initial_rncp",
            Field::PreviousLastYearRate => "previous_last_year_rate",
            Field::EmployerSiret => "employer_siret",
            Field::PreviousEmployerSiret => "previous_employer_siret",
            Field::AtmpRate => "atmp_rate",
            Field::MobilityRate => "mobility_rate",
            Field::HealthInsuranceMonthly => "health_insurance_monthly",
            Field::HealthInsuranceEmployerShare => "health_insurance_employer_share",
        }
    }

    /// The field's label, short, for the list of what to correct and the printed summary: the core's
    /// for the boxes of its inputs.
    pub fn label(self) -> &'static str {
        match self {
            Field::DistanceHours => "Heures à distance",
            Field::TotalHours => "Heures au total",
            field => field.input().map_or("", |f| f.label),
        }
    }

    /// True for the fields the core cannot quote without.
    pub fn required(self) -> bool {
        self.input().is_some_and(|f| f.required)
    }

    /// Required on the page (`aria-required`): the core's required inputs, and the level, which every
    /// contract concluded since 2025-07-01 needs (D8) though older ones can do without.
    pub fn asked(self) -> bool {
        self.required() || self == Field::Level
    }

    /// The field a core error names (`"rncp"` is typed in the certification box, `"idcc"` in the branch
    /// box).
    pub fn from_core(name: &str) -> Option<Field> {
        match name {
            "rncp" => Some(Field::CertQuery),
            "idcc" => Some(Field::BranchQuery),
            _ => Field::ALL.into_iter().find(|f| f.key() == name),
        }
    }
}

/// A yes/no box of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    /// The apprentice has a RQTH.
    Rqth,
    /// Part of the teaching is at distance.
    Distance,
    /// The duration was reduced (derogation 21).
    ReducedDuration,
    /// The rupture fell within the 45-day probation.
    RuptureDuringProbation,
    /// A new contract with another employer after a rupture.
    AfterRuptureNewEmployer,
    /// A licence professionnelle prepared in one year (second-year salary, D6222-32).
    LicencePro,
    /// The certification is in the arrêté's list of exemptions from the distance minoration (D27).
    DistanceExempt,
    /// A one-year contract for a same-level, directly related diploma (D6222-30, D26).
    SameLevelRelatedDiploma,
    /// The same employer already had an aid for this apprentice and certification (D25).
    PreviousAidSameCertification,
    /// The establishment is under the régime local d'Alsace-Moselle (contributions).
    AlsaceMoselle,
}

impl Flag {
    /// Every flag.
    pub const ALL: [Flag; 10] = [
        Flag::Rqth,
        Flag::Distance,
        Flag::ReducedDuration,
        Flag::RuptureDuringProbation,
        Flag::AfterRuptureNewEmployer,
        Flag::LicencePro,
        Flag::DistanceExempt,
        Flag::SameLevelRelatedDiploma,
        Flag::PreviousAidSameCertification,
        Flag::AlsaceMoselle,
    ];

    /// The name in the share link (and the id of its box).
    pub fn key(self) -> &'static str {
        match self {
            Flag::Rqth => "rqth",
            Flag::Distance => "distance",
            Flag::ReducedDuration => "reduced_duration",
            Flag::RuptureDuringProbation => "rupture_during_probation",
            Flag::AfterRuptureNewEmployer => "after_rupture_new_employer",
            Flag::LicencePro => "licence_pro",
            Flag::DistanceExempt => "distance_exempt",
            Flag::SameLevelRelatedDiploma => "same_level_related_diploma",
            Flag::PreviousAidSameCertification => "previous_aid_same_certification",
            Flag::AlsaceMoselle => "alsace_moselle",
        }
    }

    /// The box's meaning, short, for the list of what to correct and the printed summary: the core's
    /// label for its inputs.
    pub fn label(self) -> &'static str {
        match self {
            Flag::Distance => "Enseignement à distance",
            flag => fields::spec(flag.key()).map_or("", |f| f.label),
        }
    }
}

/// How the share of teaching at distance is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DistanceMode {
    /// As a percentage.
    #[default]
    Share,
    /// As hours at distance over total hours.
    Hours,
}

/// The folding parts of the form, which open by themselves when they hold something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Rupture (its reason, the stay in the CFA after it), CFA entry before the contract.
    Advanced,
    /// Frais annexes.
    Annexes,
    /// The rates of the employer's contributions and the mutuelle.
    Contributions,
}

impl Section {
    pub(super) fn fields(self) -> &'static [Field] {
        match self {
            Section::Advanced => &[
                Field::RuptureOn,
                Field::RuptureReason,
                Field::CfaStayUntil,
                Field::CfaEntryOn,
                Field::ContractKind,
                Field::CfaChange,
                Field::InitialRncp,
                Field::PreviousLastYearRate,
                Field::EmployerSiret,
                Field::PreviousEmployerSiret,
            ],
            Section::Contributions => &Field::CONTRIBUTIONS,
            Section::Annexes => &[
                Field::Nights,
                Field::Meals,
                Field::FirstEquipment,
                Field::UltramarineMobility,
            ],
        }
    }

    pub(super) fn flags(self) -> &'static [Flag] {
        match self {
            Section::Advanced => &[
                Flag::RuptureDuringProbation,
                Flag::AfterRuptureNewEmployer,
                Flag::PreviousAidSameCertification,
            ],
            Section::Annexes => &[],
            Section::Contributions => &[Flag::AlsaceMoselle],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_of_the_core_has_its_place_in_the_form() {
        for input in fields::FIELDS {
            let placed = Field::ALL.iter().any(|f| f.key() == input.key)
                || Flag::ALL.iter().any(|f| f.key() == input.key)
                || input.key == "price_basis";
            assert!(placed, "the page has no box for {}", input.key);
        }
        // A box's key that is an input of the core is that input's key, which its errors name.
        for field in Field::ALL {
            if let Some(input) = field.input() {
                assert!(
                    field.key() == input.key
                        || matches!(field, Field::CertQuery | Field::BranchQuery)
                );
                assert!(!field.label().is_empty());
            }
        }
        for flag in Flag::ALL {
            assert!(!flag.label().is_empty());
        }
    }
}
