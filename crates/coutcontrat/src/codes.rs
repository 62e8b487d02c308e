//! The stable codes of a quote's warnings and of its instalments, as typed enums: each one's code (the
//! JSON's string, unchanged) and its French texts, which the command line and the web page share.
//!
//! ```
//! use coutcontrat::codes::{InstalmentKind, WarningCode};
//! assert_eq!(InstalmentKind::from_code("month_7"), Some(InstalmentKind::Month7));
//! assert_eq!(InstalmentKind::Month7.label(), "7e mois");
//! assert_eq!(WarningCode::from_code("table_tie").unwrap().as_str(), "table_tie");
//! ```

use serde::{Deserialize, Serialize};

macro_rules! codes {
    (
        $(#[$meta:meta])* $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal;)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)*
        }

        impl $name {
            /// Every code, in the order of their declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code, as the JSON output writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// The code of this text, if it is one.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|c| c.as_str() == code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

codes! {
    /// What a warning of a quote is about.
    WarningCode {
        /// No NPEC for the certification in the branch: the amorçage value of its level is used.
        Amorcage = "amorcage";
        /// The amorçage value used is itself to be confirmed.
        AmorcageToConfirm = "amorcage_to_confirm";
        /// An avenant keeps the contract's conclusion date: no figure changes (D25, D6224-5).
        AvenantFiguresUnchanged = "avenant_figures_unchanged";
        /// An avenant changes the CFA: which CFA receives the participation (D25).
        CfaChangeParticipation = "cfa_change_participation";
        /// The exemptions from the distance minoration are not known for this contract.
        DistanceExemptionsUnknown = "distance_exemptions_unknown";
        /// The contract lasts longer than the rules allow.
        DurationOverMax = "duration_over_max";
        /// The contract lasts less than the rules allow.
        DurationUnderMin = "duration_under_min";
        /// The first-equipment cap rests on a source to be confirmed.
        EquipmentCapToConfirm = "equipment_cap_to_confirm";
        /// The first equipment was capped.
        EquipmentCapped = "equipment_capped";
        /// The employer's participation exceeds what the OPCO pays for teaching.
        ParticipationExceedsOpco = "participation_exceeds_opco";
        /// A probation participation (half the NPEC of the period) above what the OPCO funds for the period
        /// (D28).
        ParticipationExceedsFunding = "participation_exceeds_funding";
        /// The stay in the CFA after a rupture was cut at six months or at the planned end (D23).
        PostRuptureCapped = "post_rupture_capped";
        /// A rupture during the probation more than 45 days after the start: the 45 days are days in the
        /// company, which the dates cannot show (D28).
        ProbationRuptureLate = "probation_rupture_late";
        /// Days in a CFA before the contract, but a conclusion other than the start (D19).
        PrecontractStartNotSignature = "precontract_start_not_signature";
        /// The NPEC given overrides the référentiel's row for the pair, which the message names.
        NpecOverridden = "npec_overridden";
        /// The référentiel edition in force is a partial extract and the certification is absent from it:
        /// the figure rests on an earlier row or the amorçage value, provisional (D20 (b), (e)).
        ReferentielPartial = "referentiel_partial";
        /// Option `previous_edition_row`: a superseded or dropped code takes an earlier edition's row (D20).
        SupersededEditionRow = "superseded_edition_row";
        /// The RQTH majoration was capped.
        RqthCapped = "rqth_capped";
        /// The contract was signed after its start.
        SignedAfterStart = "signed_after_start";
        /// The NPEC comes from a synthetic table (fictitious amounts).
        SyntheticTable = "synthetic_table";
        /// Several rows of the table match: the one used is said.
        TableTie = "table_tie";
        /// Employer's whole cost: a company of 250 or more said nothing of the alternance quota its aid
        /// depends on: the conditional amount is not counted (D21).
        HiringAidConditional = "hiring_aid_conditional";
        /// Employer's whole cost: the same employer already had an aid for this apprentice and certification
        /// (D25, D6243-2 I): none for a contract concluded from 2025-02-24.
        HiringAidPreviousAid = "hiring_aid_previous_aid";
        /// Employer's whole cost: a successive contract without the previous contract's last-year rate, which
        /// is a floor of the minimum salary (D25, D6222-29).
        PreviousRateUnknown = "previous_rate_unknown";
        /// Employer's whole cost: the alternance quota was given for a company under 250 (D21).
        AlternanceQuotaIgnored = "alternance_quota_ignored";
        /// Employer's whole cost: no hiring-aid rule is known at the date of conclusion.
        HiringAidRegimeUnknown = "hiring_aid_regime_unknown";
        /// Employer's whole cost: the agreed salary is below the minimum.
        SalaryBelowMinimum = "salary_below_minimum";
        /// Employer's whole cost: from 21, no conventional minimum was given; the SMIC is used (D26).
        ConventionalMinimumUnknown = "conventional_minimum_unknown";
        /// Employer's whole cost: the conventional minimum given is not above the SMIC (D26).
        ConventionalMinimumUnused = "conventional_minimum_unused";
        /// Employer's whole cost: the SMIC used is to be confirmed.
        SmicToConfirm = "smic_to_confirm";
        /// Employer's whole cost: the maître d'apprentissage aid was capped.
        TutorAidCapped = "tutor_aid_capped";
        /// Contributions: no AT/MP rate given; the year's national average is used.
        AtmpRateDefault = "atmp_rate_default";
        /// Contributions: months after the rates were last checked take the last known rates.
        ContributionsToConfirm = "contributions_to_confirm";
        /// Contributions: the employer's share of the mutuelle is below the legal minimum (L911-7 CSS).
        HealthInsuranceShareBelowMinimum = "health_insurance_share_below_minimum";
        /// Contributions: overseas, the Lodeom exemption is not modelled.
        LodeomNotModelled = "lodeom_not_modelled";
        /// Contributions: a versement mobilité rate for a company under its threshold, ignored.
        MobilityRateIgnored = "mobility_rate_ignored";
        /// Employer's whole cost: a contract concluded from 2025-11-01 that started before: its conclusion
        /// places it under décret 2025-1031, its start would not (D17).
        TransitionByConclusion = "transition_by_conclusion";
    }
}

codes! {
    /// Which payment of the schedule an instalment is.
    InstalmentKind {
        /// The advance of an execution year.
        Advance = "advance";
        /// The payment of the 7th month.
        Month7 = "month_7";
        /// The payment of the 10th month.
        Month10 = "month_10";
        /// The balance of a year.
        Balance = "balance";
        /// The frais annexes.
        Annexes = "annexes";
        /// The days in the CFA after a rupture (D23).
        PostRupture = "post_rupture";
    }
}

impl InstalmentKind {
    /// Its name in a line of text, in French (`7e mois`): the command line's schedule.
    pub fn label(self) -> &'static str {
        match self {
            InstalmentKind::Advance => "avance",
            InstalmentKind::Month7 => "7e mois",
            InstalmentKind::Month10 => "10e mois",
            InstalmentKind::Balance => "solde",
            InstalmentKind::Annexes => "frais annexes",
            InstalmentKind::PostRupture => "maintien en CFA après la rupture",
        }
    }

    /// Its name as a title, in French (`Versement du 7e mois`): the web page's schedule.
    pub fn title(self) -> &'static str {
        match self {
            InstalmentKind::Advance => "Avance",
            InstalmentKind::Month7 => "Versement du 7e mois",
            InstalmentKind::Month10 => "Versement du 10e mois",
            InstalmentKind::Balance => "Solde",
            InstalmentKind::Annexes => "Frais annexes",
            InstalmentKind::PostRupture => "Maintien en CFA après la rupture",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_to_the_strings_of_the_json_output() {
        for code in WarningCode::ALL {
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<WarningCode>(&json).unwrap(), *code);
        }
        for kind in InstalmentKind::ALL {
            assert_eq!(InstalmentKind::from_code(kind.as_str()), Some(*kind));
        }
        assert_eq!(InstalmentKind::from_code("month_8"), None);
    }

    #[test]
    fn every_warning_the_core_writes_has_its_code() {
        // The warnings are written with their code as text (`ctx.warn("amorcage", …)`): each one must be
        // a WarningCode.
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut files = Vec::new();
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("codes.rs")
                {
                    files.push(path);
                }
            }
        }
        let mut seen = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for call in text.split("warn(").skip(1) {
                // The code is the first argument, or the second after the list of warnings.
                let call = call.trim_start();
                let call = match call.starts_with('"') {
                    true => call,
                    false => call
                        .split_once(',')
                        .map_or("", |(_, rest)| rest.trim_start()),
                };
                let Some(code) = call.strip_prefix('"') else {
                    continue;
                };
                let code = &code[..code.find('"').unwrap()];
                assert!(
                    WarningCode::from_code(code).is_some(),
                    "{}: warning {code} is no WarningCode",
                    path.display()
                );
                seen += 1;
            }
        }
        assert!(seen >= 15, "only {seen} warnings found in src/");
    }

    #[test]
    fn the_codes_a_quote_reads_back_and_the_readme_are_these() {
        let mut listed: Vec<&str> = WarningCode::ALL.iter().map(|c| c.as_str()).collect();
        let mut read_back = crate::quote::warnings::CODES.to_vec();
        listed.sort_unstable();
        read_back.sort_unstable();
        assert_eq!(listed, read_back);
        let readme = include_str!("../../../README.md");
        let row = readme
            .lines()
            .find(|l| l.starts_with("| `warnings` |"))
            .expect("the README's output table has its warnings row");
        for code in WarningCode::ALL {
            assert!(
                row.contains(&format!("`{code}`")),
                "README.md's warnings row lacks `{code}`"
            );
        }
    }
}
