//! The contract's inputs, declared once: each one's JSON key (also the batch column, the share-link key
//! and the field of an error), its kind, its French label, whether it is required, its bounds, and its
//! command-line help. The JSON reader, the command line's options, the batch columns, the web page's
//! fields and the README's table are all read from here.
//!
//! ```
//! use coutcontrat::contract::fields::{spec, FieldKind, FIELDS};
//! assert_eq!(FIELDS[0].key, "signed_on");
//! assert_eq!(spec("annexes.meals").unwrap().kind, FieldKind::Count);
//! ```

use crate::contract::{AnnexesInput, ContractInput, Loose};
use crate::error::{Error, ErrorKind, Result};

/// What an input holds, which says how it is typed and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A date, `YYYY-MM-DD` or `DD/MM/YYYY`.
    Date,
    /// Yes or no.
    Flag,
    /// An amount in euros.
    Amount,
    /// A share from 0 to 1, or a percentage.
    Share,
    /// A whole number of things (nights, employees).
    Count,
    /// A number of hours, possibly with a fraction (the Cerfa's teaching hours).
    Hours,
    /// A whole number from a short list (a level, a year of the cycle).
    Number,
    /// A code (RNCP, IDCC, CPNE).
    Code,
    /// One word among the given ones.
    Choice(&'static [&'static str]),
}

/// One input of the contract.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// Its name in the JSON interface (`annexes.meals` inside the `annexes` object), the batch
    /// column, the share-link key and the field of an error.
    pub key: &'static str,
    /// What it holds.
    pub kind: FieldKind,
    /// Its label in French, short: the web page's list of what to correct and printed summary.
    pub label: &'static str,
    /// The quote cannot be made without it.
    pub required: bool,
    /// The smallest and largest values the rules give a meaning to, when there are such (checked
    /// by the quote, which knows the rules in force).
    pub bounds: Option<(u32, u32)>,
    /// Where it is kept in the loose input.
    pub slot: fn(&mut ContractInput) -> &mut Option<Loose>,
}

impl PartialEq for FieldSpec {
    fn eq(&self, other: &FieldSpec) -> bool {
        self.key == other.key
    }
}

impl FieldSpec {
    /// The command-line option (`--first-equipment` for `annexes.first_equipment`), without `--`.
    pub fn flag(&self) -> String {
        let name = self.key.rsplit('.').next().unwrap_or(self.key);
        name.replace('_', "-")
    }
}

/// How an input is explained to people: apart from [`FieldSpec`] so that the web page, which needs
/// none of it, does not carry its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDoc {
    /// The input's key, as in [`FieldSpec::key`].
    pub key: &'static str,
    /// The command line's help, in French.
    pub help: &'static str,
    /// The value's placeholder in the command line's help (`AAAA-MM-JJ`).
    pub value_name: &'static str,
    /// What it means, in English, for the README's table.
    pub doc: &'static str,
}

macro_rules! slot {
    (annexes . $name:ident) => {
        |input: &mut ContractInput| {
            &mut input
                .annexes
                .get_or_insert_with(AnnexesInput::default)
                .$name
        }
    };
    ($name:ident) => {
        |input: &mut ContractInput| &mut input.$name
    };
}

macro_rules! key {
    (annexes . $name:ident) => {
        concat!("annexes.", stringify!($name))
    };
    ($name:ident) => {
        stringify!($name)
    };
}

/// Declares every input once and makes of it [`FIELDS`], [`FIELD_DOCS`] and [`INPUT_FIELDS`].
macro_rules! contract_inputs {
    ($(
        $($path:ident).+ : $kind:expr, required: $required:expr, bounds: $bounds:expr,
        label: $label:literal, value: $value:literal,
        help: $help:literal,
        doc: $doc:literal;
    )*) => {
        /// Every input of the contract, in the order of the JSON interface.
        pub const FIELDS: &[FieldSpec] = &[$(FieldSpec {
            key: key!($($path).+),
            kind: $kind,
            label: $label,
            required: $required,
            bounds: $bounds,
            slot: slot!($($path).+),
        }),*];

        /// How each input of [`FIELDS`] is explained, in the same order.
        pub const FIELD_DOCS: &[FieldDoc] = &[$(FieldDoc {
            key: key!($($path).+),
            help: $help,
            value_name: $value,
            doc: $doc,
        }),*];

        /// The names of the input fields, as the JSON interface spells them.
        pub const INPUT_FIELDS: &[&str] = &[$(key!($($path).+)),*];
    };
}

use FieldKind::*;

contract_inputs! {
    signed_on: Date, required: true, bounds: None,
        label: "Date de conclusion", value: "AAAA-MM-JJ",
        help: "Date de conclusion (signature) : elle choisit les règles et la ligne du référentiel.",
        doc: "date of conclusion (signature): it selects the rules and the table row (required)";
    start: Date, required: true, bounds: None,
        label: "Date de début", value: "AAAA-MM-JJ",
        help: "Premier jour d'exécution du contrat.",
        doc: "first day of execution (required)";
    end: Date, required: true, bounds: None,
        label: "Date de fin prévue", value: "AAAA-MM-JJ",
        help: "Dernier jour prévu du contrat.",
        doc: "planned last day (required)";
    rupture_on: Date, required: false, bounds: None,
        label: "Date de rupture", value: "AAAA-MM-JJ",
        help: "Dernier jour du contrat en cas de rupture anticipée.",
        doc: "last day when the contract was broken off early";
    rupture_during_probation: Flag, required: false, bounds: None,
        label: "Rupture pendant la période probatoire", value: "OUI|NON",
        help: "La rupture tombe pendant la période probatoire de 45 jours (L6222-18).",
        doc: "the rupture fell within the 45-day probation (L6222-18)";
    after_rupture_new_employer: Flag, required: false, bounds: None,
        label: "Nouveau contrat après une rupture", value: "OUI|NON",
        help: "Nouveau contrat avec un autre employeur après une rupture (L6222-18-2).",
        doc: "a new contract with another employer after a rupture (L6222-18-2)";
    rncp: Code, required: false, bounds: None,
        label: "Certification", value: "CODE",
        help: "Code RNCP de la certification (RNCP34826).",
        doc: "the certification's RNCP code (`RNCP34826`)";
    level: Number, required: false, bounds: Some((3, 8)),
        label: "Niveau", value: "3-8",
        help: "Niveau de la certification, de 3 (CAP) à 8 (doctorat).",
        doc: "the certification's level, 3 to 8";
    idcc: Code, required: false, bounds: None,
        label: "Convention collective", value: "IDCC",
        help: "IDCC de la convention collective de l'employeur.",
        doc: "the employer's collective agreement (IDCC); one with several CPNE is an error listing the candidates";
    cpne: Code, required: false, bounds: None,
        label: "Branche (CPNE)", value: "CODE",
        help: "Code CPNE de la branche (obligatoire quand l'IDCC relève de plusieurs CPNE).",
        doc: "the branch's CPNE code (it wins over the IDCC)";
    npec: Amount, required: false, bounds: None,
        label: "NPEC saisi", value: "EUROS",
        help: "NPEC annuel saisi à la main : il remplace celui du référentiel.",
        doc: "a manual annual NPEC, which overrides the table";
    price: Amount, required: true, bounds: None,
        label: "Prix du CFA", value: "EUROS",
        help: "Prix du CFA (annuel par défaut, voir --price-basis).",
        doc: "the CFA's price (required)";
    price_basis: Choice(&["annual", "total"]), required: false, bounds: None,
        label: "Base du prix", value: "BASE",
        help: "Le prix est annuel (défaut) ou total pour tout le contrat.",
        doc: "`\"annual\"` (default) or `\"total\"` for the whole contract";
    rqth_majoration: Amount, required: false, bounds: None,
        label: "Majoration RQTH", value: "EUROS",
        help: "Majoration RQTH annuelle évaluée par le CFA (plafond 4 000 €).",
        doc: "the annual RQTH majoration evaluated by the CFA";
    distance_share: Share, required: false, bounds: Some((0, 1)),
        label: "Part à distance", value: "PART",
        help: "Part de l'enseignement à distance, de 0 à 1 (0.8) ou en pourcentage (80 %).",
        doc: "share of the teaching at distance, 0–1, or `\"80 %\"`";
    distance_hours: Hours, required: false, bounds: None,
        label: "Heures à distance", value: "HEURES",
        help: "Heures d'enseignement à distance (Cerfa), avec --cfa-hours, à la place de --distance-share.",
        doc: "hours of teaching at distance (Cerfa), with `cfa_hours`, instead of `distance_share` (D27)";
    cfa_hours: Hours, required: false, bounds: None,
        label: "Heures de formation en CFA", value: "HEURES",
        help: "Heures de formation en CFA au total (Cerfa), avec --distance-hours.",
        doc: "total hours of teaching in the CFA (Cerfa), with `distance_hours` (D27)";
    distance_exempt: Flag, required: false, bounds: None,
        label: "Certification exemptée de la minoration", value: "OUI|NON",
        help: "La certification figure dans l'arrêté du 26 novembre 2025 : pas de minoration à distance (contrats conclus depuis le 30 novembre 2025).",
        doc: "the certification is in the arrêté du 26 novembre 2025: no distance minoration (contracts concluded from 2025-11-30, D27); `false` says it is not";
    reduced_duration: Flag, required: false, bounds: None,
        label: "Durée réduite (dérogation 21)", value: "OUI|NON",
        help: "Durée réduite (dérogation 21 du Cerfa, L6222-7-1).",
        doc: "the duration was reduced (Cerfa derogation 21, L6222-7-1)";
    annexes.nights: Count, required: false, bounds: None,
        label: "Nuitées", value: "N",
        help: "Frais annexes : nuitées financées par le CFA.",
        doc: "frais annexes (in the `annexes` object): nights of accommodation financed by the CFA";
    annexes.meals: Count, required: false, bounds: None,
        label: "Repas", value: "N",
        help: "Frais annexes : repas financés par le CFA.",
        doc: "frais annexes: meals financed by the CFA";
    annexes.first_equipment: Amount, required: false, bounds: None,
        label: "Premier équipement", value: "EUROS",
        help: "Frais annexes : coût du premier équipement pédagogique.",
        doc: "frais annexes: cost of the first pedagogical equipment";
    cfa_entry_on: Date, required: false, bounds: None,
        label: "Entrée en CFA avant le contrat", value: "AAAA-MM-JJ",
        help: "Entrée en CFA avant le contrat (au plus 3 mois avant le début, L6222-12-1).",
        doc: "date of entry in the CFA before the contract (D14)";
    rqth: Flag, required: false, bounds: None,
        label: "Apprenti RQTH", value: "OUI|NON",
        help: "L'apprenti est reconnu travailleur handicapé (RQTH) : aide à l'embauche, durée maximale de 4 ans.",
        doc: "the apprentice is recognised as a disabled worker (RQTH): hiring aid, 4-year maximum";
    birth_date: Date, required: false, bounds: None,
        label: "Date de naissance de l'apprenti", value: "AAAA-MM-JJ",
        help: "Date de naissance de l'apprenti (salaire minimum selon l'âge, D6222-26).",
        doc: "employer's whole cost: the apprentice's date of birth (minimum salary by age)";
    company_headcount: Count, required: false, bounds: None,
        label: "Effectif de l'entreprise", value: "N",
        help: "Effectif de l'entreprise (aide à l'embauche : moins de 250 salariés ou non).",
        doc: "employer's whole cost: the company's headcount (hiring aid under 250 or not)";
    monthly_salary: Amount, required: false, bounds: None,
        label: "Salaire mensuel convenu", value: "EUROS",
        help: "Salaire brut mensuel convenu, s'il dépasse le minimum.",
        doc: "employer's whole cost: a monthly gross salary agreed above the minimum";
    tutor_aid: Amount, required: false, bounds: None,
        label: "Aide au maître d'apprentissage", value: "EUROS",
        help: "Aide au maître d'apprentissage versée par la branche, par mois (D6332-93).",
        doc: "employer's whole cost: the maître d'apprentissage aid granted by the branch, per month";
    cycle_year: Number, required: false, bounds: Some((1, 3)),
        label: "Année du cycle de formation", value: "N",
        help: "Année du cycle de formation où commence le contrat (D6222-28-1), 1 par défaut.",
        doc: "employer's whole cost: the year of the training cycle the contract starts in, 1 by default";
    licence_pro: Flag, required: false, bounds: None,
        label: "Licence professionnelle en un an", value: "OUI|NON",
        help: "Licence professionnelle préparée en un an (D6222-32 : salaire de deuxième année).",
        doc: "employer's whole cost: a licence professionnelle prepared in one year (second-year salary)";
    conventional_minimum: Amount, required: false, bounds: None,
        label: "Salaire minimum conventionnel", value: "EUROS",
        help: "Salaire minimum conventionnel de l'emploi occupé, brut mensuel : à partir de 21 ans, le minimum de l'apprenti se calcule sur lui s'il dépasse le SMIC (D6222-26).",
        doc: "employer's whole cost: the conventional minimum monthly salary of the job; from 21 the apprentice's minimum is a % of it when above the SMIC (D26)";
    same_level_related_diploma: Flag, required: false, bounds: None,
        label: "Diplôme de même niveau, en rapport direct", value: "OUI|NON",
        help: "Contrat d'un an au plus pour un diplôme de même niveau que le précédent, en rapport direct avec lui : +15 points (D6222-30).",
        doc: "employer's whole cost: a contract of at most one year preparing a diploma of the same level as, and directly related to, the one held: +15 points, never above the SMIC (D6222-30, D26)";
    employer_type: Choice(&["private", "state", "territorial", "hospital", "other_public"]), required: false, bounds: None,
        label: "Type d'employeur", value: "TYPE",
        help: "Employeur privé (private, défaut, y compris un organisme public dont le personnel relève du droit privé, comme un EPIC) ou public : state, territorial, hospital, other_public (pas de financement par un OPCO).",
        doc: "`\"private\"` (default, including public bodies whose staff is under private law) or a public employer: `\"state\"`, `\"territorial\"`, `\"hospital\"`, `\"other_public\"`, which no OPCO finances (D24: error `public_employer`)";
    alternance_quota: Choice(&["committed", "not_committed"]), required: false, bounds: None,
        label: "Engagement sur le seuil d'alternants", value: "ENGAGEMENT",
        help: "Entreprise de 250 salariés ou plus : engagée (committed) ou non (not_committed) à atteindre le seuil d'alternants dont dépend l'aide à l'embauche.",
        doc: "employer's whole cost, 250 employees or more: `\"committed\"` or `\"not_committed\"` to the alternance quota the aid depends on (D21)";
    insertion_share: Share, required: false, bounds: Some((0, 1)),
        label: "Part de contrats favorisant l'insertion", value: "PART",
        help: "Entreprise de 250 salariés ou plus : part de contrats favorisant l'insertion professionnelle au 31 décembre de l'année suivant la conclusion (0.052 ou 5,2 %).",
        doc: "employer's whole cost, 250 or more: share of contracts favouring insertion (quota route of 5 %), 0–1 or `\"5.2 %\"`";
    alternant_share: Share, required: false, bounds: Some((0, 1)),
        label: "Part d'alternants", value: "PART",
        help: "Entreprise de 250 salariés ou plus : part d'alternants dans l'effectif (route des 3 %, avec alternant_growth).",
        doc: "employer's whole cost, 250 or more: share of alternants (quota route of 3 %, with `alternant_growth`)";
    alternant_growth: Share, required: false, bounds: Some((0, 1)),
        label: "Progression des alternants", value: "PART",
        help: "Entreprise de 250 salariés ou plus : progression du nombre d'alternants sur l'année (route des 3 % : au moins 10 %).",
        doc: "employer's whole cost, 250 or more: growth of the alternants over the year (3 % route: at least 10 %)";
    rupture_reason: Choice(&["l6222_18", "diploma_obtained"]), required: false, bounds: None,
        label: "Motif de la rupture", value: "MOTIF",
        help: "Motif de la rupture : l6222_18 (défaut : période probatoire, accord des parties, licenciement, démission…) ou diploma_obtained (obtention du diplôme, L6222-19 : pas de maintien du financement après la rupture).",
        doc: "why the contract was broken off: `\"l6222_18\"` (default: any rupture under L6222-18) or `\"diploma_obtained\"` (L6222-19), which refuses `cfa_stay_until` (D23)";
    cfa_stay_until: Date, required: false, bounds: None,
        label: "Maintien en CFA après la rupture jusqu'au", value: "AAAA-MM-JJ",
        help: "Dernier jour en CFA après la rupture (ou veille d'un nouveau contrat) : l'OPCO maintient ses versements au plus 6 mois (L6222-18-2).",
        doc: "after a rupture, the last day in the CFA (or the day before a new contract): paid by the OPCO for at most six months, never beyond the planned end (D23)";
    territory: Choice(&["hexagone", "guadeloupe", "guyane", "martinique", "reunion", "mayotte", "saint_barthelemy", "saint_martin", "saint_pierre_et_miquelon"]), required: false, bounds: None,
        label: "Territoire d'exécution du contrat", value: "TERRITOIRE",
        help: "Territoire où le contrat est exécuté : hexagone (défaut) ou un territoire d'outre-mer (aide unique jusqu'au niveau 5, L6522-4 ; SMIC de Mayotte).",
        doc: "where the contract is executed: `\"hexagone\"` (default) or an overseas territory, where the aide unique covers levels up to 5 (L6522-4) and Mayotte has its own SMIC (D22)";
    ultramarine_mobility: Choice(&["to_hexagone", "inter_overseas"]), required: false, bounds: None,
        label: "Mobilité ultramarine (AKTO)", value: "MOBILITE",
        help: "Mobilité ultramarine prise en charge par AKTO, une fois par contrat : to_hexagone (vers l'hexagone) ou inter_overseas (entre territoires d'outre-mer).",
        doc: "AKTO's ultramarine mobility, once per contract, an annexes line: `\"to_hexagone\"` or `\"inter_overseas\"` (D22; refused for another OPCO or in the hexagone)";
    npec_overseas_modulation: Amount, required: false, bounds: None,
        label: "Modulation du NPEC outre-mer", value: "EUROS",
        help: "Modulation annuelle du NPEC décidée par le conseil d'administration de l'OPCO outre-mer (accompagnement social, L6523-2-3 1°), proratisée comme le NPEC.",
        doc: "overseas only: the OPCO's annual modulation of the NPEC (L6523-2-3 1°, no published amount), prorated like the NPEC and paid as its own OPCO line (D22)";
    contract_kind: Choice(&["initial", "avenant", "new_same_employer", "new_other_employer_after_rupture", "prolongation_failure"]), required: false, bounds: None,
        label: "Nature du contrat", value: "NATURE",
        help: "initial (défaut), avenant (garde la date de conclusion du contrat), new_same_employer (nouveau contrat, même employeur), new_other_employer_after_rupture (autre employeur après une rupture, L6222-18-2) ou prolongation_failure (après un échec à l'examen, L6222-11).",
        doc: "`\"initial\"` (default), `\"avenant\"` (keeps the contract's conclusion date: no figure changes), `\"new_same_employer\"`, `\"new_other_employer_after_rupture\"` (L6222-18-2: the 200 € participation) or `\"prolongation_failure\"` (L6222-11) (D25)";
    cfa_change: Choice(&["during_probation", "after_probation"]), required: false, bounds: None,
        label: "Changement de CFA par avenant", value: "MOMENT",
        help: "Avenant changeant de CFA : during_probation (pendant la période probatoire : la participation va au second CFA) ou after_probation (elle reste au premier).",
        doc: "an avenant changing the CFA: `\"during_probation\"` (the participation goes to the second CFA) or `\"after_probation\"` (it stays with the first); no figure changes (D25)";
    initial_rncp: Code, required: false, bounds: None,
        label: "Certification du contrat initial", value: "CODE",
        help: "Avenant : code RNCP du contrat initial (un changement de certification exige un nouveau contrat).",
        doc: "an avenant: the initial contract's RNCP code; a different one is refused, since a change of certification is a new contract (D25)";
    previous_aid_same_certification: Flag, required: false, bounds: None,
        label: "Aide déjà perçue pour cet apprenti et cette certification", value: "OUI|NON",
        help: "Le même employeur a déjà perçu l'aide à l'embauche pour un contrat précédent avec le même apprenti et la même certification : pas de nouvelle aide (D6243-2 I, contrats conclus depuis le 24 février 2025).",
        doc: "employer's whole cost: the same employer already had a hiring aid for this apprentice and certification: no aid for contracts concluded from 2025-02-24 (D6243-2 I, D25)";
    previous_last_year_rate: Share, required: false, bounds: Some((0, 1)),
        label: "Taux de la dernière année du contrat précédent", value: "TAUX",
        help: "Contrat successif : taux du SMIC de la dernière année du contrat précédent (0.67 ou 67 %), plancher du salaire minimum (D6222-29).",
        doc: "employer's whole cost, a successive contract: the % of the SMIC of the previous contract's last year, 0–1 or `\"67 %\"`, a floor of the minimum salary (D6222-29, D25)";
    employer_siret: Code, required: false, bounds: None,
        label: "SIRET de l'employeur", value: "SIRET",
        help: "SIRET de l'employeur (14 chiffres), pour vérifier qu'un nouveau contrat après une rupture est bien conclu avec un autre employeur.",
        doc: "the employer's SIRET (14 digits), checked against `previous_employer_siret` (D25)";
    previous_employer_siret: Code, required: false, bounds: None,
        label: "SIRET de l'employeur précédent", value: "SIRET",
        help: "SIRET de l'employeur du contrat rompu (14 chiffres).",
        doc: "the SIRET of the broken-off contract's employer: a new contract with another employer after a rupture with the same SIREN is refused (D25)";
    atmp_rate: Share, required: false, bounds: Some((0, 1)),
        label: "Taux AT/MP de l'établissement", value: "TAUX",
        help: "Taux de la cotisation accidents du travail de l'établissement (0.0212 ou 2,12 %), sur son compte AT/MP ; à défaut, le taux moyen national de l'année.",
        doc: "employer's whole cost: the establishment's AT/MP rate, 0–1 or `\"2.12 %\"` (its AT/MP account); the year's national average when absent, with a warning";
    mobility_rate: Share, required: false, bounds: Some((0, 1)),
        label: "Taux du versement mobilité", value: "TAUX",
        help: "Taux du versement mobilité de la commune (0.0175 ou 1,75 %), dû à partir de 11 salariés ; aucun par défaut.",
        doc: "employer's whole cost: the commune's versement mobilité rate, 0–1 or `\"1.75 %\"`, due from 11 employees; none when absent";
    alsace_moselle: Flag, required: false, bounds: None,
        label: "Régime local d'Alsace-Moselle", value: "OUI|NON",
        help: "L'établissement relève du régime local d'Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) : cotisation maladie salariale de 1,30 %, taxe d'apprentissage de 0,44 %.",
        doc: "employer's whole cost: the establishment is under the régime local d'Alsace-Moselle (employee maladie 1.30 %, taxe d'apprentissage 0.44 %)";
    health_insurance_monthly: Amount, required: false, bounds: None,
        label: "Mutuelle (cotisation mensuelle totale)", value: "EUROS",
        help: "Cotisation mensuelle totale de la complémentaire santé (parts employeur et salarié), montrée à part : ce n'est pas une cotisation légale.",
        doc: "employer's whole cost: the mutuelle's total monthly premium (employer and employee), shown apart from the statutory contributions";
    health_insurance_employer_share: Share, required: false, bounds: Some((0, 1)),
        label: "Part employeur de la mutuelle", value: "PART",
        help: "Part de la mutuelle payée par l'employeur (0.5 ou 50 %, au moins 50 %), 50 % par défaut.",
        doc: "employer's whole cost: the employer's share of the mutuelle, 0–1 or `\"60 %\"`, 50 % when absent";
}

/// The input of this key, if there is one.
pub fn spec(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

/// How the input of this key is explained, if there is one.
pub fn doc(key: &str) -> Option<&'static FieldDoc> {
    FIELD_DOCS.iter().find(|f| f.key == key)
}

/// The README's table of the inputs, in Markdown: one row per input, from [`FIELDS`] and
/// [`FIELD_DOCS`] (a test checks that the README holds it).
pub fn markdown_table() -> String {
    let mut out = String::from("| field | kind | meaning |\n|---|---|---|\n");
    for (spec, doc) in FIELDS.iter().zip(FIELD_DOCS) {
        let kind = match spec.kind {
            Date => "date".to_owned(),
            Flag => "flag".to_owned(),
            Amount => "amount".to_owned(),
            Share => "share".to_owned(),
            Count => "count".to_owned(),
            Hours => "hours".to_owned(),
            Number => "number".to_owned(),
            Code => "code".to_owned(),
            Choice(words) => words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(" or "),
        };
        let bounds = spec
            .bounds
            .map(|(lo, hi)| format!(", {lo} to {hi}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "| `{}` | {kind}{bounds} | {} |\n",
            spec.key, doc.doc
        ));
    }
    out
}

/// Read by name, as the table says: a batch column, a form field, a JSON key.
impl ContractInput {
    /// Sets one field by its name in the JSON interface (`price`, `annexes.meals`), as a batch column or
    /// a form field gives it: an unknown name is an `unknown_field` error that lists the names.
    ///
    /// ```
    /// let mut input = coutcontrat::ContractInput::default();
    /// input.set("annexes.meals", "12").unwrap();
    /// assert_eq!(input.set("pirce", "9000").unwrap_err().field(), Some("pirce"));
    /// ```
    pub fn set(&mut self, field: &str, value: &str) -> Result<()> {
        let Some(spec) = spec(field) else {
            return Err(unknown_field(field));
        };
        *(spec.slot)(self) = Some(Loose(value.to_owned()));
        Ok(())
    }

    /// Reads the JSON interface's input object, with an error that names an unknown field.
    ///
    /// ```
    /// let err = coutcontrat::ContractInput::from_json(r#"{"pirce": 9000}"#).unwrap_err();
    /// assert_eq!(err.field(), Some("pirce"));
    /// ```
    pub fn from_json(text: &str) -> Result<ContractInput> {
        // Windows Notepad starts a UTF-8 file with a byte-order mark; it says nothing about the contract.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let quoted = message.split('`').nth(1).map(str::to_owned);
            if message.starts_with("unknown field") {
                unknown_field(&quoted.unwrap_or_default())
            } else {
                Error::new(
                    ErrorKind::Invalid,
                    None,
                    format!("le contrat n'est pas un objet JSON valide : {message}"),
                )
            }
        })
    }

    /// [`ContractInput::from_json`] on bytes as a file or a pipe gives them: a byte-order mark is skipped,
    /// and bytes that are not UTF-8 are an `invalid` error that says where.
    ///
    /// ```
    /// let input = coutcontrat::ContractInput::from_json_bytes(b"\xEF\xBB\xBF{\"price\": 9000}").unwrap();
    /// assert_eq!(input.price.unwrap().0, "9000");
    /// let err = coutcontrat::ContractInput::from_json_bytes(b"{\"price\": \"9\xFF\"}").unwrap_err();
    /// assert_eq!(err.code(), "invalid");
    /// ```
    pub fn from_json_bytes(bytes: &[u8]) -> Result<ContractInput> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to();
            Error::new(
                ErrorKind::Invalid,
                None,
                format!(
                    "le contrat n'est pas du texte UTF-8 : octet 0x{:02X} à la position {} ; enregistrez le \
                     fichier en UTF-8 (« UTF-8 » dans la boîte « Enregistrer sous » de l'éditeur)",
                    bytes[at],
                    at + 1
                ),
            )
        })?;
        ContractInput::from_json(text)
    }
}

/// The error of a name that is none of the inputs: it lists them.
fn unknown_field(field: &str) -> Error {
    // The name is the caller's: a megabyte key is clipped, escapes shown, in the field as in the message.
    let field = crate::text::quoted(field);
    Error::new(
        ErrorKind::UnknownField,
        Some(&field),
        format!(
            "champ « {field} » inconnu : les champs sont {}",
            INPUT_FIELDS.join(", ")
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_has_its_doc_in_the_same_order() {
        assert_eq!(FIELDS.len(), FIELD_DOCS.len());
        for (spec, doc) in FIELDS.iter().zip(FIELD_DOCS) {
            assert_eq!(spec.key, doc.key);
        }
        assert_eq!(
            FIELDS.iter().map(|f| f.key).collect::<Vec<_>>(),
            INPUT_FIELDS
        );
    }

    #[test]
    fn every_slot_is_its_own_and_the_json_names_it() {
        // Each slot, filled alone, reads back from JSON under its key: the table and the struct agree.
        for spec in FIELDS {
            let mut by_slot = ContractInput::default();
            *(spec.slot)(&mut by_slot) = Some(Loose("1".into()));
            let json = serde_json::to_value(&by_slot).unwrap();
            let mut set: Vec<String> = Vec::new();
            for (k, v) in json.as_object().unwrap() {
                match v {
                    serde_json::Value::Object(inner) => set.extend(
                        inner
                            .iter()
                            .filter(|(_, v)| !v.is_null())
                            .map(|(i, _)| format!("{k}.{i}")),
                    ),
                    serde_json::Value::Null => {}
                    _ => set.push(k.clone()),
                }
            }
            assert_eq!(set, [spec.key], "{}", spec.key);
        }
        // And the struct has no field the table lacks.
        let mut every = ContractInput::default();
        for spec in FIELDS {
            *(spec.slot)(&mut every) = Some(Loose("1".into()));
        }
        let json = serde_json::to_value(&every).unwrap();
        let mut count = 0;
        for v in json.as_object().unwrap().values() {
            match v {
                serde_json::Value::Object(inner) => {
                    assert!(inner.values().all(|v| !v.is_null()));
                    count += inner.len();
                }
                v => {
                    assert!(!v.is_null(), "a field of ContractInput is not in FIELDS");
                    count += 1;
                }
            }
        }
        assert_eq!(count, FIELDS.len());
    }

    #[test]
    fn the_readme_lists_every_input() {
        let readme = include_str!("../../../../README.md");
        let table = markdown_table();
        assert!(
            readme.contains(&table),
            "README.md's input table differs from the field table: paste this between \
             the input-fields markers:\n\n{table}"
        );
    }
}
