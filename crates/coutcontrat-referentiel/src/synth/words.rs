//! The words synthetic certifications are made of.

pub(super) const TYPES: &[(&str, u32, u32, u32)] = &[
    // type, weight, lowest and highest default amount
    ("TITRE", 30, 4000, 12000),
    ("BTS", 14, 6500, 10000),
    ("CAP", 12, 5000, 8000),
    ("BP", 6, 6000, 9000),
    ("BAC PRO", 8, 6000, 9000),
    ("LICENCE PRO", 10, 7000, 11000),
    ("MASTER", 8, 8000, 12000),
    ("TITRE INGENIEUR", 5, 9000, 12000),
    ("MC", 3, 4500, 7500),
    ("BTSA", 4, 6500, 10000),
];

pub(super) const JOBS: &[&str] = &[
    "Technicien",
    "Technicien supérieur",
    "Responsable",
    "Agent",
    "Opérateur",
    "Chargé de projet",
    "Gestionnaire",
    "Conducteur",
    "Assistant",
    "Manager",
    "Ingénieur",
    "Conseiller",
    "Employé",
    "Installateur",
    "Coordinateur",
];

pub(super) const FIELDS: &[&str] = &[
    "maintenance des systèmes de production",
    "commerce international",
    "cuisine",
    "pâtisserie, chocolaterie, confiserie",
    "sécurité des biens et des personnes",
    "logistique et transport",
    "comptabilité et gestion",
    "électrotechnique",
    "bâtiment et travaux publics",
    "plasturgie",
    "mise en oeuvre des caoutchoucs et élastomères thermoplastiques",
    "hôtellerie-restauration",
    "propreté et hygiène",
    "transport routier de marchandises",
    "aéronautique",
    "services à la personne",
    "développement web et mobile",
    "réseaux et télécommunications",
    "banque, assurance",
    "immobilier",
    "métiers de la coiffure",
    "esthétique, cosmétique, parfumerie",
    "agriculture et agroéquipement",
    "industries agroalimentaires",
    "énergies renouvelables",
    "relation client à distance",
    "ressources humaines",
    "gestion de la PME",
    "communication et marketing digital",
    "petite enfance",
];

pub(super) const QUALIFIERS: &[&str] = &[
    "",
    "",
    "",
    " option A",
    " option B",
    " – parcours entreprise",
    " (niveau avancé)",
    ", spécialité industrielle",
];

pub(super) const CERTIFIERS: &[&str] = &[
    "MINISTERE DE L'EDUCATION NATIONALE ET DE LA JEUNESSE",
    "MINISTERE DU TRAVAIL, DU PLEIN EMPLOI ET DE L'INSERTION",
    "MINISTERE DE L'ENSEIGNEMENT SUPERIEUR ET DE LA RECHERCHE",
    "MINISTERE DE L'AGRICULTURE ET DE LA SOUVERAINETE ALIMENTAIRE",
    "CHAMBRE DE COMMERCE ET D'INDUSTRIE FRANCE",
    "CNAM",
    "[SYNTHÉTIQUE] ORGANISME CERTIFICATEUR",
];
