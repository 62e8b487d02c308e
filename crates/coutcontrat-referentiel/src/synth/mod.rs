//! A generator of **synthetic** full-size référentiels in the current official layout (REFERENTIEL.md § 3.1 and
//! § 9), written as a real `.xlsx` the way Excel saves one (shared-strings table, styles, Excel-serial dates),
//! for import tests and benchmarks.
//!
//! Every amount is made up. The workbook says so everywhere: certification labels start with « `[SYNTHÉTIQUE] ` »,
//! « Me lire » says it, and the version tag on its last line contains `SYNTHETIC`, so an import marks the
//! version `synthetic = true`. It is deterministic (same options, same bytes) and meant for `target/synthetic/`,
//! never for `data/`.

use std::io::{self, Seek, Write};

use jiff::civil::{date, Date};

use crate::embedded::embedded_dataset;

mod parts;
mod words;
mod xml;

use parts::{content_types, workbook, APP, CORE, ROOT_RELS, STYLES, WORKBOOK_RELS};
use words::{CERTIFIERS, FIELDS, JOBS, QUALIFIERS, TYPES};
use xml::{excel_serial, Sheet, Sst, C, S_AMOUNT, S_DATE, S_HEADER, S_TEXT};

/// The version tag written on the last line of « Me lire ».
pub const SYNTHETIC_TAG: &str = "v_18.07.2024-SYNTHETIC";

/// The prefix of every certification label.
pub const LABEL_PREFIX: &str = "[SYNTHÉTIQUE] ";

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Certifications (rows of the matrix); each has one row per CPNE in « Onglet 3 ».
    pub certifications: usize,
    /// CPNE, the first ones of the 2024-07-15 list (205 at most).
    pub cpne: usize,
    /// The seed of the generator.
    pub seed: u64,
    /// Whether « Onglet 2 - global » holds the full matrix (as published) or only its header.
    pub matrix: bool,
}

impl Default for SynthOptions {
    /// The full size: 3,400 certifications × 205 CPNE.
    fn default() -> SynthOptions {
        SynthOptions {
            certifications: 3400,
            cpne: 205,
            seed: 20240718,
            matrix: true,
        }
    }
}

/// What was generated, for tests to check an import against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SynthSummary {
    /// Data rows of « Onglet 3 ».
    pub rows: usize,
    /// Certification cells (rows of the matrix).
    pub certifications: usize,
    /// CPNE codes used.
    pub cpne: Vec<u32>,
    /// Rows whose amount is `NC`.
    pub nc_rows: usize,
    /// Rows whose amount differs from their certification's default amount (branch deviations).
    pub deviations: usize,
    /// Certification cells holding several codes (`RNCPa/RNCPb`, with variants).
    pub multi_code_cells: Vec<String>,
    /// The (RNCP, CPNE) pairs given twice with two amounts.
    pub duplicate_pairs: Vec<(String, u32)>,
    /// CPNE → IDCC pairs of « Onglet 4 ».
    pub mapping_pairs: usize,
    /// A few generated rows (cell, CPNE, amount text, status, date) for spot checks.
    pub samples: Vec<(String, u32, String, String, Date)>,
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    /// `true` with probability `p` per mille.
    fn per_mille(&mut self, p: u64) -> bool {
        self.below(1000) < p
    }
}

/// The applicability dates the real files carry, the later ones more often.
fn dates() -> [(Date, u64); 6] {
    [
        (date(2022, 9, 1), 10),
        (date(2022, 11, 1), 5),
        (date(2023, 8, 21), 5),
        (date(2023, 9, 8), 15),
        (date(2023, 10, 15), 30),
        (date(2024, 7, 15), 35),
    ]
}

fn weighted<T: Copy>(rng: &mut Rng, items: &[(T, u64)]) -> T {
    let total: u64 = items.iter().map(|i| i.1).sum();
    let mut n = rng.below(total);
    for (item, w) in items {
        if n < *w {
            return *item;
        }
        n -= w;
    }
    items[0].0
}

/// One certification as generated.
struct Cert {
    cell: String,
    label: String,
    certifier: &'static str,
    diploma_type: &'static str,
    /// Per CPNE (same order as the list): amount text or number, status, date.
    rows: Vec<(Amount, &'static str, Date)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Amount {
    Euros(u32),
    Nc,
}

const STATUSES: [(&str, u64); 3] = [("A", 70), ("CPNE", 20), ("R", 10)];

fn certifications(opts: &SynthOptions, cpne: usize, summary: &mut SynthSummary) -> Vec<Cert> {
    let mut rng = Rng(opts.seed);
    let n = opts.certifications;
    let code = |i: usize| 50_000 + (i as u64 * 7919) % 50_000;
    let mut certs = Vec::with_capacity(n + 1);
    for i in 0..n {
        let (diploma_type, lo, hi) = {
            let weights: Vec<(usize, u64)> = TYPES
                .iter()
                .enumerate()
                .map(|(k, t)| (k, u64::from(t.1)))
                .collect();
            let t = TYPES[weighted(&mut rng, &weights)];
            (t.0, t.2, t.3)
        };
        let label = format!(
            "{LABEL_PREFIX}{} {} {}{}",
            rng.pick(JOBS),
            if rng.per_mille(500) { "en" } else { "de" },
            rng.pick(FIELDS),
            rng.pick(QUALIFIERS)
        );
        let certifier = *rng.pick(CERTIFIERS);
        // The certification cell: mostly one code; about 1 % hold two, with the variants of the real files.
        let mut cell = format!("RNCP{}", code(i));
        if i % 97 == 13 {
            let variant = (i / 97) % 4;
            cell = match variant {
                0 | 1 => format!("RNCP{}/RNCP{}", code(i), 100_000 + i),
                2 => format!("RNCP{}/", code(i)),
                _ => format!("{}/RNCP{}", code(i), 100_000 + i),
            };
            summary.multi_code_cells.push(cell.clone());
        }
        let base = lo + rng.below(u64::from(hi - lo + 1)) as u32;
        let status = weighted(&mut rng, &STATUSES);
        let when = weighted(&mut rng, &dates());
        let all_nc = rng.per_mille(5);
        let mut rows = vec![(Amount::Euros(base), status, when); cpne];
        if all_nc {
            for r in rows.iter_mut() {
                r.0 = Amount::Nc;
            }
        } else {
            // A few branches deviate by 5–15 %.
            let deviating = match rng.below(100) {
                0..=49 => 0,
                50..=89 => 1 + rng.below(3),
                _ => 4 + rng.below(5),
            };
            for _ in 0..deviating.min(cpne as u64) {
                let k = rng.below(cpne as u64) as usize;
                let pct = 5 + rng.below(11) as u32;
                let amount = if rng.per_mille(500) {
                    base + base * pct / 100
                } else {
                    base - base * pct / 100
                };
                let date = if rng.per_mille(700) {
                    when
                } else {
                    date(2024, 7, 15)
                };
                rows[k] = (Amount::Euros(amount), "CPNE", date);
            }
            // Now and then a branch has no value yet.
            for r in rows.iter_mut() {
                if rng.per_mille(2) {
                    r.0 = Amount::Nc;
                }
            }
        }
        certs.push(Cert {
            cell,
            label,
            certifier,
            diploma_type,
            rows,
        });
    }
    // The second code of the first two-code cell also has rows of its own, with other amounts: the pair
    // (code, CPNE) is given twice, as RNCP36989 × CPNE 2 is in v09.04.2024.
    if let Some(first) = summary
        .multi_code_cells
        .iter()
        .find(|c| c.matches("RNCP").count() == 2)
    {
        let second = first.rsplit('/').next().unwrap_or_default().to_owned();
        let template = certs
            .iter()
            .find(|c| &c.cell == first)
            .map(|c| (c.label.clone(), c.certifier, c.diploma_type, c.rows.clone()));
        if let Some((label, certifier, diploma_type, mut rows)) = template {
            for r in rows.iter_mut() {
                if let Amount::Euros(a) = r.0 {
                    r.0 = Amount::Euros(a + 752);
                }
            }
            if let Some((Amount::Euros(_), ..)) = rows.first() {
                summary.duplicate_pairs.push((second.clone(), 0));
            }
            certs.push(Cert {
                cell: second,
                label,
                certifier,
                diploma_type,
                rows,
            });
        }
    }
    certs
}

/// Writes a synthetic workbook.
///
/// ```
/// use coutcontrat_referentiel::synth::{write_synthetic, SynthOptions};
/// let mut out = std::io::Cursor::new(Vec::new());
/// let opts = SynthOptions { certifications: 5, cpne: 3, ..SynthOptions::default() };
/// let summary = write_synthetic(&opts, &mut out).unwrap();
/// assert_eq!(summary.rows, 5 * 3 + 1);
/// ```
pub fn write_synthetic<W: Write + Seek>(opts: &SynthOptions, out: W) -> io::Result<SynthSummary> {
    let data = embedded_dataset().map_err(|e| io::Error::other(e.to_string()))?;
    let mut cpne: Vec<(u32, String)> = data
        .cpne
        .iter()
        .filter(|c| c.version == "v_18.07.2024")
        .map(|c| (c.cpne, c.label.clone()))
        .collect();
    cpne.sort();
    cpne.truncate(opts.cpne);
    let codes: Vec<u32> = cpne.iter().map(|c| c.0).collect();
    let mapping: Vec<(u32, u32)> = data
        .versions
        .iter()
        .filter_map(|v| v.mapping.as_ref().map(|m| (v.published, m)))
        .max_by_key(|(p, _)| *p)
        .map(|(_, m)| {
            m.iter()
                .filter(|p| codes.contains(&p.cpne))
                .map(|p| (p.cpne, p.idcc))
                .collect()
        })
        .unwrap_or_default();

    let mut summary = SynthSummary {
        cpne: codes.clone(),
        mapping_pairs: mapping.len(),
        ..SynthSummary::default()
    };
    let certs = certifications(opts, cpne.len(), &mut summary);
    // One more row for a pair already given, with another amount (the duplicate of the real files).
    let extra = certs
        .iter()
        .position(|c| {
            c.cell.matches("RNCP").count() == 1 && c.rows.iter().all(|r| r.0 != Amount::Nc)
        })
        .filter(|_| !cpne.is_empty());

    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    let mut sst = Sst::default();
    let put = |zip: &mut zip::ZipWriter<W>, name: &str, content: &str| -> io::Result<()> {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(content.as_bytes())
    };
    put(&mut zip, "[Content_Types].xml", &content_types())?;
    put(&mut zip, "_rels/.rels", ROOT_RELS)?;
    put(&mut zip, "docProps/app.xml", APP)?;
    put(&mut zip, "docProps/core.xml", CORE)?;
    put(&mut zip, "xl/workbook.xml", &workbook())?;
    put(&mut zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS)?;
    put(&mut zip, "xl/styles.xml", STYLES)?;

    // « Me lire ».
    zip.start_file("xl/worksheets/sheet1.xml", options)
        .map_err(io::Error::other)?;
    {
        let mut sheet = Sheet::start(
            &mut zip,
            &mut sst,
            1,
            "<cols><col min=\"1\" max=\"1\" width=\"150\" customWidth=\"1\"/></cols>",
        )?;
        let lines = [
            "Clé de lecture du référentiel des niveaux de prise en charge applicables au 15 juillet 2024".to_owned(),
            String::new(),
            format!(
                "{LABEL_PREFIX}Ce classeur est SYNTHÉTIQUE : il est généré par coutcontrat-synth (graine {}), dans la \
                 mise en page officielle, pour les tests et les mesures. Aucun montant n'est réel : ne l'utilisez \
                 pour aucun contrat.",
                opts.seed
            ),
            "Ce référentiel intègre les niveaux de prise en charge issus des procédures complémentaires et de \
             révision des NPEC mises en oeuvre en 2024 et qui s'appliquent à compter du 15 juillet 2024, en accord \
             avec le Décret n° 2024-695 du 5 juillet 2024 relatif à la fixation des niveaux de prise en charge des \
             contrats d'apprentissage"
                .to_owned(),
            "Le présent référentiel a pour clé d'entrée les codes RNCP. Les valeurs en A (carence) sont fixées par \
             voie règlementaire."
                .to_owned(),
            String::new(),
            SYNTHETIC_TAG.to_owned(),
        ];
        for line in &lines {
            if line.is_empty() {
                sheet.row(&[])?;
            } else {
                sheet.row(&[C::S(line, S_TEXT)])?;
            }
        }
        sheet.end("")?;
    }

    // « Onglet 2 - global »: the matrix.
    zip.start_file("xl/worksheets/sheet2.xml", options)
        .map_err(io::Error::other)?;
    {
        let width = 4 + cpne.len();
        let mut sheet = Sheet::start(&mut zip, &mut sst, width, "")?;
        sheet.row(&[])?;
        sheet.row(&[C::S(
            "Niveaux de prise en charge applicables au 15 juillet 2024 par certification et par CPNE",
            S_HEADER,
        )])?;
        sheet.row(&[])?;
        let mut header: Vec<C<'_>> = vec![
            C::S("Code RNCP", S_HEADER),
            C::S("Intitulé de la certification", S_HEADER),
            C::S(
                "Certificateur \n(premier dans la liste, pour liste complète cf. RNCP)",
                S_HEADER,
            ),
            C::S("Type diplôme", S_HEADER),
        ];
        header.extend(cpne.iter().map(|(c, _)| C::N(f64::from(*c), S_HEADER)));
        sheet.row(&header)?;
        let mut labels: Vec<C<'_>> = vec![C::Empty, C::Empty, C::Empty, C::Empty];
        labels.extend(cpne.iter().map(|(_, l)| C::S(l, S_HEADER)));
        sheet.row(&labels)?;
        if opts.matrix {
            for cert in &certs {
                let mut cells: Vec<C<'_>> = vec![
                    C::S(&cert.cell, S_TEXT),
                    C::S(&cert.label, S_TEXT),
                    C::S(cert.certifier, S_TEXT),
                    C::S(cert.diploma_type, S_TEXT),
                ];
                cells.extend(cert.rows.iter().map(|r| match r.0 {
                    Amount::Euros(a) => C::N(f64::from(a), S_AMOUNT),
                    Amount::Nc => C::S("NC", S_TEXT),
                }));
                sheet.row(&cells)?;
            }
        }
        sheet.end("")?;
    }

    // « Onglet 3 - référentiel NPEC »: the long table.
    zip.start_file("xl/worksheets/sheet3.xml", options)
        .map_err(io::Error::other)?;
    {
        let mut sheet = Sheet::start(
            &mut zip,
            &mut sst,
            9,
            "<cols><col min=\"1\" max=\"1\" width=\"22\" customWidth=\"1\"/><col min=\"2\" max=\"3\" width=\"56\" \
             customWidth=\"1\"/><col min=\"6\" max=\"6\" width=\"50\" customWidth=\"1\"/><col min=\"9\" max=\"9\" \
             width=\"29\" customWidth=\"1\"/></cols>",
        )?;
        sheet.row(&[])?;
        sheet.row(&[C::S(
            "Niveaux de prise en charge applicables au 15 juillet 2024 par certification et par CPNE",
            S_HEADER,
        )])?;
        sheet.row(&[])?;
        sheet.row(&[
            C::S("RNCP", S_HEADER),
            C::S("Libellé de la formation", S_HEADER),
            C::S("Certificateur* \n(*liste non exhaustive - premier dans la fiche RNCP)", S_HEADER),
            C::S("Type de diplôme", S_HEADER),
            C::S("Code CPNE", S_HEADER),
            C::S("CPNE", S_HEADER),
            C::S("NPEC final", S_HEADER),
            C::S("Statut", S_HEADER),
            C::S(
                "Date d'applicabilité des NPEC** \n(**hors contrats couverts par la valeur d'amorçage + voir onglet \"Me lire\")",
                S_HEADER,
            ),
        ])?;
        let mut samples_left = 6;
        for (ci, cert) in certs.iter().enumerate() {
            let base = cert.rows.first().map(|r| r.0);
            for (k, (code, label)) in cpne.iter().enumerate() {
                let (amount, status, when) = cert.rows[k];
                let amount_cell = match amount {
                    Amount::Euros(a) => C::N(f64::from(a), S_AMOUNT),
                    Amount::Nc => C::S("NC", S_TEXT),
                };
                let text = match amount {
                    Amount::Euros(a) => a.to_string(),
                    Amount::Nc => "NC".to_owned(),
                };
                sheet.row(&[
                    C::S(&cert.cell, S_TEXT),
                    C::S(&cert.label, S_TEXT),
                    C::S(cert.certifier, S_TEXT),
                    C::S(cert.diploma_type, S_TEXT),
                    C::N(f64::from(*code), 0),
                    C::S(label, S_TEXT),
                    amount_cell,
                    C::S(status, S_TEXT),
                    C::N(excel_serial(when) as f64, S_DATE),
                ])?;
                summary.rows += 1;
                if amount == Amount::Nc {
                    summary.nc_rows += 1;
                } else if Some(amount) != base && base != Some(Amount::Nc) {
                    summary.deviations += 1;
                }
                if samples_left > 0 && (ci * 7 + k) % 11 == 3 {
                    samples_left -= 1;
                    summary
                        .samples
                        .push((cert.cell.clone(), *code, text, status.to_owned(), when));
                }
                if Some(ci) == extra && k == 0 {
                    // The same pair again, 500 € higher.
                    if let Amount::Euros(a) = amount {
                        let again = a + 500;
                        sheet.row(&[
                            C::S(&cert.cell, S_TEXT),
                            C::S(&cert.label, S_TEXT),
                            C::S(cert.certifier, S_TEXT),
                            C::S(cert.diploma_type, S_TEXT),
                            C::N(f64::from(*code), 0),
                            C::S(label, S_TEXT),
                            C::N(f64::from(again), S_AMOUNT),
                            C::S("CPNE", S_TEXT),
                            C::N(excel_serial(when) as f64, S_DATE),
                        ])?;
                        summary.rows += 1;
                        summary.duplicate_pairs.push((cert.cell.clone(), *code));
                    }
                }
            }
        }
        sheet.end("<autoFilter ref=\"A4:I4\"/>")?;
    }
    // The pair given by a two-code cell and by its second code alone, with the first CPNE.
    if let Some(first) = cpne.first() {
        for p in summary.duplicate_pairs.iter_mut() {
            if p.1 == 0 {
                p.1 = first.0;
            }
        }
    }

    // « Onglet 4 - CPNE-IDCC ».
    zip.start_file("xl/worksheets/sheet4.xml", options)
        .map_err(io::Error::other)?;
    {
        let mut sheet = Sheet::start(&mut zip, &mut sst, 3, "")?;
        sheet.row(&[
            C::Empty,
            C::S("Code(s) IDCC rattaché(s) aux CPNE", S_HEADER),
        ])?;
        sheet.row(&[])?;
        sheet.row(&[
            C::S("Code CPNE", S_HEADER),
            C::S("CPNE", S_HEADER),
            C::S("IDCC", S_HEADER),
        ])?;
        for (c, idcc) in &mapping {
            let label = cpne.iter().find(|p| p.0 == *c).map_or("", |p| p.1.as_str());
            sheet.row(&[
                C::N(f64::from(*c), 0),
                C::S(label, S_TEXT),
                C::N(f64::from(*idcc), 0),
            ])?;
        }
        sheet.end("")?;
    }
    summary.certifications = certs.len();
    put(&mut zip, "xl/sharedStrings.xml", &sst.xml())?;
    zip.finish().map_err(io::Error::other)?;
    Ok(summary)
}
