//! From what the user typed (options, JSON, CSV cells) to the library's [`ContractInput`].
//!
//! Every value stays text: parsing and its errors are the library's, so the command line, the batch
//! and the web page refuse the same contracts with the same messages.

use clap::Args;
use coutcontrat::ContractInput;

/// The contract's fields as options of `coutcontrat quote`, named like the JSON fields.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Contrat (mêmes champs que l'entrée JSON)")]
pub struct ContractFlags {
    /// Date de conclusion (signature) : elle choisit les règles et la ligne du référentiel.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub signed_on: Option<String>,
    /// Premier jour d'exécution du contrat.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub start: Option<String>,
    /// Dernier jour prévu du contrat.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub end: Option<String>,
    /// Dernier jour du contrat en cas de rupture anticipée.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub rupture_on: Option<String>,
    /// La rupture tombe pendant la période probatoire de 45 jours (L6222-18).
    #[arg(long, value_name = "OUI|NON", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub rupture_during_probation: Option<String>,
    /// Nouveau contrat avec un autre employeur après une rupture (L6222-18-2).
    #[arg(long, value_name = "OUI|NON", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub after_rupture_new_employer: Option<String>,
    /// Code RNCP de la certification (RNCP34826).
    #[arg(long, value_name = "CODE")]
    pub rncp: Option<String>,
    /// Niveau de la certification, de 3 (CAP) à 8 (doctorat).
    #[arg(long, value_name = "3-8", allow_negative_numbers = true)]
    pub level: Option<String>,
    /// IDCC de la convention collective de l'employeur.
    #[arg(long, value_name = "IDCC")]
    pub idcc: Option<String>,
    /// Code CPNE de la branche (obligatoire quand l'IDCC relève de plusieurs CPNE).
    #[arg(long, value_name = "CODE")]
    pub cpne: Option<String>,
    /// NPEC annuel saisi à la main : il remplace celui du référentiel.
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub npec: Option<String>,
    /// Prix du CFA (annuel par défaut, voir --price-basis).
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub price: Option<String>,
    /// Le prix est annuel (défaut) ou total pour tout le contrat.
    #[arg(long, value_name = "BASE", value_parser = ["annual", "total"])]
    pub price_basis: Option<String>,
    /// Majoration RQTH annuelle évaluée par le CFA (plafond 4 000 €).
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub rqth_majoration: Option<String>,
    /// Part de l'enseignement à distance, de 0 à 1 (0.8) ou en pourcentage (80 %).
    #[arg(long, value_name = "PART", allow_negative_numbers = true)]
    pub distance_share: Option<String>,
    /// Durée réduite (dérogation 21 du Cerfa, L6222-7-1).
    #[arg(long, value_name = "OUI|NON", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub reduced_duration: Option<String>,
    /// Frais annexes : nuitées financées par le CFA.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub nights: Option<String>,
    /// Frais annexes : repas financés par le CFA.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub meals: Option<String>,
    /// Frais annexes : coût du premier équipement pédagogique.
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub first_equipment: Option<String>,
    /// Entrée en CFA avant le contrat (au plus 3 mois avant le début, L6222-12-1).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub cfa_entry_on: Option<String>,
    /// L'apprenti est reconnu travailleur handicapé (RQTH) : aide à l'embauche, durée maximale de 4 ans.
    #[arg(long, value_name = "OUI|NON", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub rqth: Option<String>,
    /// Date de naissance de l'apprenti (salaire minimum selon l'âge, D6222-26).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    pub birth_date: Option<String>,
    /// Effectif de l'entreprise (aide à l'embauche : moins de 250 salariés ou non).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub company_headcount: Option<String>,
    /// Salaire brut mensuel convenu, s'il dépasse le minimum.
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub monthly_salary: Option<String>,
    /// Aide au maître d'apprentissage versée par la branche, par mois (D6332-93).
    #[arg(long, value_name = "EUROS", allow_negative_numbers = true)]
    pub tutor_aid: Option<String>,
    /// Année du cycle de formation où commence le contrat (D6222-28-1), 1 par défaut.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub cycle_year: Option<String>,
    /// Licence professionnelle préparée en un an (D6222-32 : salaire de deuxième année).
    #[arg(long, value_name = "OUI|NON", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub licence_pro: Option<String>,
}

impl ContractFlags {
    /// Every option with the JSON field it fills.
    fn fields(&self) -> [(&'static str, &Option<String>); 27] {
        [
            ("signed_on", &self.signed_on),
            ("start", &self.start),
            ("end", &self.end),
            ("rupture_on", &self.rupture_on),
            ("rupture_during_probation", &self.rupture_during_probation),
            (
                "after_rupture_new_employer",
                &self.after_rupture_new_employer,
            ),
            ("rncp", &self.rncp),
            ("level", &self.level),
            ("idcc", &self.idcc),
            ("cpne", &self.cpne),
            ("npec", &self.npec),
            ("price", &self.price),
            ("price_basis", &self.price_basis),
            ("rqth_majoration", &self.rqth_majoration),
            ("distance_share", &self.distance_share),
            ("reduced_duration", &self.reduced_duration),
            ("annexes.nights", &self.nights),
            ("annexes.meals", &self.meals),
            ("annexes.first_equipment", &self.first_equipment),
            ("cfa_entry_on", &self.cfa_entry_on),
            ("rqth", &self.rqth),
            ("birth_date", &self.birth_date),
            ("company_headcount", &self.company_headcount),
            ("monthly_salary", &self.monthly_salary),
            ("tutor_aid", &self.tutor_aid),
            ("cycle_year", &self.cycle_year),
            ("licence_pro", &self.licence_pro),
        ]
    }

    /// True when no contract option was given.
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.is_none())
    }

    /// The contract as the library's loose input.
    pub fn to_input(&self) -> coutcontrat::Result<ContractInput> {
        input_from_fields(
            self.fields()
                .into_iter()
                .filter_map(|(field, value)| value.as_deref().map(|v| (field, v))),
        )
    }
}

/// The library's loose input from (field of the JSON interface, text) pairs: `price`, `annexes.meals`…
///
/// Names are the library's ([`ContractInput::set`]): one it does not know is refused with its error.
pub fn input_from_fields<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> coutcontrat::Result<ContractInput> {
    let mut input = ContractInput::default();
    for (field, value) in fields {
        input.set(field, value)?;
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_field_has_an_option() {
        let flags = ContractFlags::default();
        let names: Vec<&str> = flags.fields().iter().map(|(f, _)| *f).collect();
        assert_eq!(names, coutcontrat::contract::INPUT_FIELDS);
    }

    #[test]
    fn every_input_field_is_read() {
        for field in coutcontrat::contract::INPUT_FIELDS {
            assert!(input_from_fields([(*field, "1")]).is_ok(), "{field}");
        }
        let err = input_from_fields([("pirce", "9000")]).unwrap_err();
        assert_eq!(err.code(), "unknown_field");
        assert_eq!(err.field(), Some("pirce"));
        let err = input_from_fields([("annexes.wine", "3")]).unwrap_err();
        assert_eq!(err.code(), "unknown_field");
    }

    #[test]
    fn no_option_is_the_empty_input() {
        assert!(ContractFlags::default().is_empty());
        assert_eq!(
            ContractFlags::default().to_input().unwrap(),
            ContractInput::default()
        );
        let flags = ContractFlags {
            meals: Some("12".into()),
            ..ContractFlags::default()
        };
        let input = flags.to_input().unwrap();
        assert_eq!(input.annexes.unwrap().meals.unwrap().0, "12");
    }
}
