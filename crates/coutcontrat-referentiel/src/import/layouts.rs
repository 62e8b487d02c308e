//! The workbook layouts since 2019 and, for each, the columns of its long sheet as the headers name them.

use std::fmt;

/// The workbook layouts (REFERENTIEL.md § 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// 2019-09: code diplôme and CPNE labels only (« Onglet 3 - par formation-CPNE »).
    Sept2019,
    /// 2019-10, 2020-04, 2020-08: code diplôme, CPNE code and IDCC.
    Oct2019,
    /// 2020-10: one « Code diplôme/Code RNCP » column.
    Oct2020,
    /// 2021-02: code diplôme and RNCP (« Onglet 2 - par formation-CPNE »).
    Feb2021,
    /// 2021-03: a « Valeur historisée ("H") » column first.
    Mar2021,
    /// 2021-10 → 2022-07: « Onglet 3a - référentiel NPEC » and « Onglet 3b - NPEC historisées », by procedure year.
    Oct2021,
    /// 2022-09: RNCP key, « procédure » column.
    Sept2022,
    /// 2023-09 onwards: « Onglet 3 - référentiel NPEC » with a date per row, « Onglet 4 - CPNE-IDCC ».
    Current,
}

impl Layout {
    /// A short French description.
    pub fn describe(self) -> &'static str {
        match self {
            Layout::Sept2019 => "septembre 2019 (code diplôme, libellés de CPNE)",
            Layout::Oct2019 => "octobre 2019 – août 2020 (code diplôme, code CPNE, IDCC)",
            Layout::Oct2020 => "octobre 2020 (code diplôme/code RNCP)",
            Layout::Feb2021 => "février 2021 (code diplôme et code RNCP)",
            Layout::Mar2021 => "mars 2021 (valeurs historisées)",
            Layout::Oct2021 => "octobre 2021 – juillet 2022 (onglets 3a/3b, année de procédure)",
            Layout::Sept2022 => "septembre 2022 (clé RNCP, procédure)",
            Layout::Current => "2023 et suivantes (clé RNCP, date d'applicabilité par ligne)",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Hist,
    DiplomaCode,
    DiplomaOrRncp,
    Rncp,
    Label,
    Certifier,
    DiplomaType,
    Cpne,
    CpneLabel,
    Idcc,
    Amount,
    Status,
    Date,
    Procedure,
}

pub(super) struct Col {
    pub(super) field: Field,
    /// Accepted header texts, as [`norm_header`] reduces them; the first is the one named in messages.
    pub(super) names: &'static [&'static str],
    /// What the header says in the official file, for messages.
    pub(super) shown: &'static str,
    pub(super) required: bool,
}

pub(super) const fn col(field: Field, shown: &'static str, names: &'static [&'static str]) -> Col {
    Col {
        field,
        names,
        shown,
        required: true,
    }
}

pub(super) const fn optional(
    field: Field,
    shown: &'static str,
    names: &'static [&'static str],
) -> Col {
    Col {
        field,
        names,
        shown,
        required: false,
    }
}

pub(super) struct LongSpec {
    pub(super) layout: Layout,
    /// Sheet names as [`norm_sheet`] reduces them; every one present is read.
    pub(super) sheets: &'static [&'static str],
    pub(super) header_row: u32,
    pub(super) cols: &'static [Col],
}

pub(super) const CODE_FORMATION: &[&str] = &["code la formation", "code formation", "code diplome"];
pub(super) const CODE_CPNE: &[&str] = &["code cpne"];
pub(super) const LIBELLE_CPNE: &[&str] = &["libelle cpne", "intitule cpne"];
pub(super) const IDCC: &[&str] = &["code idcc", "idcc", "code(s) idcc"];
pub(super) const VALEUR: &[&str] = &["valeur finale"];
pub(super) const STATUT: &[&str] = &["statut"];
pub(super) const CERTIF: &[&str] = &[
    "libelle de la certification",
    "libelle dde la certification",
];
pub(super) const RNCP: &[&str] = &["code rncp", "rncp"];

pub(super) const SPECS: &[LongSpec] = &[
    LongSpec {
        layout: Layout::Current,
        sheets: &["onglet3-referentielnpec"],
        header_row: 4,
        cols: &[
            col(Field::Rncp, "RNCP", RNCP),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation"],
            ),
            col(Field::Certifier, "Certificateur*", &["certificateur"]),
            col(
                Field::DiplomaType,
                "Type de diplôme",
                &["type de diplome", "libelle du diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "CPNE", &["cpne"]),
            col(Field::Amount, "NPEC final", &["npec final"]),
            col(Field::Status, "Statut", STATUT),
            col(
                Field::Date,
                "Date d'applicabilité des NPEC**",
                &["date d'applicabilite des npec", "date d'applicabilite"],
            ),
        ],
    },
    LongSpec {
        layout: Layout::Sept2022,
        sheets: &["onglet3-referentielnpec"],
        header_row: 4,
        cols: &[
            col(Field::Rncp, "Code RNCP", RNCP),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation"],
            ),
            col(Field::Certifier, "Certificateur", &["certificateur"]),
            col(
                Field::DiplomaType,
                "Libellé du Diplôme",
                &["libelle du diplome", "type de diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "CPNE", &["cpne"]),
            col(Field::Amount, "NPEC final", &["npec final"]),
            col(Field::Status, "Statut", STATUT),
            col(Field::Procedure, "procédure", &["procedure"]),
        ],
    },
    LongSpec {
        layout: Layout::Oct2021,
        sheets: &["onglet3a-referentielnpec", "onglet3b-npechistorisees"],
        header_row: 3,
        cols: &[
            optional(
                Field::Hist,
                "NPEC historisée (\"H\")",
                &["npec historisee", "valeur historisee"],
            ),
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
            col(Field::Procedure, "Procédure", &["procedure"]),
        ],
    },
    LongSpec {
        layout: Layout::Mar2021,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 3,
        cols: &[
            col(
                Field::Hist,
                "Valeur historisée (\"H\")",
                &["valeur historisee", "npec historisee"],
            ),
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Feb2021,
        sheets: &["onglet2-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code diplôme", CODE_FORMATION),
            col(Field::Rncp, "Code RNCP", RNCP),
            col(Field::Label, "Libellé de la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Oct2020,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(
                Field::DiplomaOrRncp,
                "Code diplôme/Code RNCP",
                &["code diplome/code rncp", "code diplome / code rncp"],
            ),
            col(Field::Label, "Libellé dde la certification", CERTIF),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Oct2019,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code la formation", CODE_FORMATION),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation", "libelle du diplome"],
            ),
            col(Field::Cpne, "Code CPNE", CODE_CPNE),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Idcc, "Code IDCC", IDCC),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
    LongSpec {
        layout: Layout::Sept2019,
        sheets: &["onglet3-parformation-cpne"],
        header_row: 2,
        cols: &[
            col(Field::DiplomaCode, "Code la formation", CODE_FORMATION),
            col(
                Field::Label,
                "Libellé de la formation",
                &["libelle de la formation", "libelle du diplome"],
            ),
            col(Field::CpneLabel, "Libellé CPNE", LIBELLE_CPNE),
            col(Field::Amount, "Valeur finale", VALEUR),
            col(Field::Status, "Statut", STATUT),
        ],
    },
];
