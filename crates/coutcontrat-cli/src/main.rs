//! `coutcontrat`: the command line of the apprenticeship-contract financing calculator.
//!
//! Thin glue over the `coutcontrat` library (the computation) and `coutcontrat-referentiel` (the data):
//! every parse, check and figure is theirs; this binary reads the options and files, and prints.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use coutcontrat::{Policy, Quoter};

use coutcontrat_cli::failure::{Failure, EXIT_FAILED, EXIT_OK};
use coutcontrat_cli::input::{read_json_contract, ContractFlags};
use coutcontrat_cli::{batch, cashflow, data, diff, lookup, matrix, render, verify};

const MAIN_EXAMPLES: &str = "\
Exemples :
  coutcontrat quote --signed-on 2025-08-15 --start 2025-09-01 --end 2027-02-28 --npec 7000 --price 9000 --level 6
  echo '{\"signed_on\":\"2026-09-14\",\"start\":\"2026-09-01\",\"end\":\"2028-08-31\",\"rncp\":\"RNCP41000\",\"idcc\":1351,\"price\":9000,\"level\":5}' | coutcontrat quote --json
  coutcontrat batch contrats.csv -o devis.csv
  coutcontrat lookup --rncp RNCP41000 --idcc 1351 --signed-on 2026-09-14
  coutcontrat search management sécurité
  coutcontrat branches propreté
  coutcontrat import Referentiel-des-NPEC.xlsx --out data
  coutcontrat verify --sources tests/fixtures/xlsx

Codes de sortie : 0 réussite ; 1 lignes en erreur dans un lot, ou données/fichier illisibles ;
2 saisie invalide (le message est sur la sortie d'erreur).";

const QUOTE_EXAMPLES: &str = "\
Exemples :
  # 18 mois, niveau 6, NPEC saisi, prix annuel du CFA
  coutcontrat quote --signed-on 2025-08-15 --start 2025-09-01 --end 2027-02-28 --npec 7000 --price 9000 --level 6

  # NPEC du référentiel (RNCP × IDCC), apprenti RQTH, frais annexes
  coutcontrat quote --signed-on 2026-09-14 --start 2026-09-01 --end 2028-08-31 --rncp RNCP41000 --idcc 1351 \\
      --price 9000 --level 5 --rqth-majoration 3000 --nights 20 --meals 40

  # rupture pendant la période probatoire
  coutcontrat quote --signed-on 2025-08-15 --start 2025-09-01 --end 2026-08-31 --rupture-on 2025-09-30 \\
      --rupture-during-probation --npec 8000 --price 8000 --level 7

  # interface JSON : un contrat sur l'entrée standard, le devis sur la sortie standard
  echo '{\"signed_on\":\"2025-08-15\",\"start\":\"2025-09-01\",\"end\":\"2027-02-28\",\"npec\":\"7000\",\"price\":9000,\"level\":6}' \\
      | coutcontrat quote --json

Sans option de contrat, le contrat est lu en JSON sur l'entrée standard (mêmes champs que les options,
en snake_case, les frais annexes dans un objet « annexes »). Avec --json, une erreur donne aussi
{\"error\": {\"code\", \"field\", \"message\", \"candidates\"}} sur la sortie standard, et le code de sortie 2.";

/// The help of `batch`, with the column names of the library's JSON interface.
fn batch_help() -> String {
    format!(
        "\
Exemples :
  coutcontrat batch contrats.csv -o devis.csv
  coutcontrat batch contrats.csv --progress --every 500 > devis.csv

Le fichier d'entrée a une ligne d'en-tête dont les colonnes portent les noms des champs JSON :
{}
(signed_on, start, end et price sont obligatoires ; les autres colonnes sont facultatives, dans n'importe
quel ordre). Le séparateur (virgule, point-virgule ou tabulation) est deviné sur l'en-tête. La sortie reprend
chaque ligne telle quelle et ajoute :
{}
(« warnings » : codes séparés par « ; »). Une ligne refusée a son message dans « error » (code (champ) :
message) et le traitement continue. Code de sortie 1 si une ligne au moins est en erreur.",
        wrap_list(coutcontrat::contract::INPUT_FIELDS),
        wrap_list(batch::FIGURES)
    )
}

/// Names separated by commas, in indented lines of at most 100 characters.
fn wrap_list(names: &[&str]) -> String {
    let mut lines = vec![String::from(" ")];
    for (i, name) in names.iter().enumerate() {
        let item = if i + 1 < names.len() {
            format!(" {name},")
        } else {
            format!(" {name}")
        };
        let line = lines.last_mut().expect("one line at least");
        if line.len() + item.len() > 100 {
            lines.push(format!(" {item}"));
        } else {
            line.push_str(&item);
        }
    }
    lines.join("\n")
}

const LOOKUP_EXAMPLES: &str = "\
Exemples :
  coutcontrat lookup --rncp RNCP41000 --idcc 1351 --signed-on 2026-09-14
  coutcontrat lookup --rncp RNCP1002 --cpne 65 --signed-on 2024-09-01 --json
  coutcontrat lookup --rncp RNCP99999998 --idcc 1979 --signed-on 2025-09-01 --level 6   # amorçage";

const SEARCH_EXAMPLES: &str = "\
Exemples :
  coutcontrat search management sécurité
  coutcontrat search RNCP41000
  coutcontrat search cuisine --limit 5 --json";

const BRANCHES_EXAMPLES: &str = "\
Exemples :
  coutcontrat branches               # toutes les conventions de la correspondance CPNE–IDCC en vigueur
  coutcontrat branches propreté
  coutcontrat branches 1351 --json
  coutcontrat branches --signed-on 2024-09-01 boulangerie";

const IMPORT_EXAMPLES: &str = "\
Exemples :
  coutcontrat import Referentiel-des-NPEC.xlsx                # ajoute la version à ./data/referentiel/
  coutcontrat import referentiel.zip --out /srv/coutcontrat/data
  coutcontrat --data /srv/coutcontrat/data lookup --rncp RNCP41000 --idcc 1351 --signed-on 2026-09-14

Le résumé donne la version, le nombre de lignes, de certifications, de CPNE, de montants absents (NC/NR),
et ce qui a changé par rapport à la version précédente du dossier (couples ajoutés, retirés, montants changés).
Une version déjà présente n'est jamais remplacée en silence : le même fichier (même empreinte SHA-256) ne change
rien, un autre fichier sous la même étiquette est refusé (code version_exists) sauf avec --replace.";

const VERIFY_EXAMPLES: &str = "\
Exemples :
  coutcontrat verify                                  # ./data, comparé aux données intégrées au programme
  coutcontrat --data /srv/coutcontrat/data verify --json
  coutcontrat verify --sources tests/fixtures/xlsx --sources ../shared/reference-data

Vérifie : chaque manifeste et chaque fichier CSV se lit, les nombres de lignes et de paires annoncés par les
manifestes sont ceux des fichiers, chaque dossier porte le nom de sa version, aucune étiquette n'apparaît deux
fois, les fichiers branches/ se lisent ; avec --sources, l'empreinte SHA-256 de chaque fichier source trouvé ;
dans le dépôt, que les données intégrées au programme sont celles de data/. Code de sortie 0 si tout est bon,
1 sinon (chaque problème avec son code : format, duplicate_version, checksum_mismatch, embedded_mismatch…).";

/// Le financement d'un contrat d'apprentissage : NPEC, montant versé par l'OPCO, reste à charge de
/// l'employeur et échéancier, chaque montant avec la règle et l'article qui le fondent.
#[derive(Debug, Parser)]
#[command(name = "coutcontrat", version, after_help = MAIN_EXAMPLES)]
struct Cli {
    /// Dossier de données (son sous-dossier referentiel/ est créé par `coutcontrat import`) à utiliser à la
    /// place des données intégrées.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Chiffre un contrat : NPEC, années d'exécution, totaux, participation, échéancier, avertissements.
    #[command(after_help = QUOTE_EXAMPLES)]
    Quote(Box<QuoteArgs>),
    /// Chiffre un fichier CSV de contrats, une ligne par contrat, en ajoutant les montants à chaque ligne.
    Batch(BatchArgs),
    /// Donne le NPEC d'une certification dans une branche à une date de conclusion, et sa ligne du
    /// référentiel.
    #[command(after_help = LOOKUP_EXAMPLES)]
    Lookup(LookupArgs),
    /// Chiffre une certification à un prix pour chaque branche (CPNE) de l'édition en vigueur : la grille
    /// d'un CFA (NPEC, prise en charge OPCO, reste à charge), en tableau, CSV ou JSON.
    #[command(after_help = MATRIX_EXAMPLES)]
    Matrix(Box<MatrixArgs>),
    /// Les versements d'un fichier de contrats (le CSV de batch), mois par mois : ce que chaque OPCO paie
    /// au CFA, les participations à facturer aux employeurs, les totaux par OPCO ou par certification.
    #[command(after_help = CASHFLOW_EXAMPLES)]
    Cashflow(CashflowArgs),
    /// Compare deux éditions du référentiel : pour chaque certification et branche, le montant avant et
    /// après, l'écart en euros et en pour cent, les couples ajoutés, retirés, les codes renouvelés.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
    /// Cherche des certifications par code RNCP ou par mots de l'intitulé.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Cherche des branches : IDCC, convention, CPNE et OPCO.
    #[command(after_help = BRANCHES_EXAMPLES)]
    Branches(BranchesArgs),
    /// Importe un référentiel NPEC officiel (classeur .xlsx ou archive .zip de France compétences), ou l'export
    /// du RNCP (export-fiches-csv-….zip de data.gouv.fr), qui remplace l'index des certifications.
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(ImportArgs),
    /// Vérifie un dossier de données de bout en bout (manifestes, fichiers, nombres de lignes, versions en
    /// double, empreintes des sources, données intégrées).
    #[command(after_help = VERIFY_EXAMPLES)]
    Verify(VerifyArgs),
    /// Les schémas JSON de l'interface JSON (contrat, devis, erreur…), ou leurs types TypeScript.
    #[command(after_help = SCHEMA_EXAMPLES)]
    Schema(SchemaArgs),
    /// Service HTTP : le même JSON que `quote --json`, `lookup`, `search`, `branches`, et le CSV de `batch`.
    #[cfg(feature = "serve")]
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
}

const SCHEMA_EXAMPLES: &str = "\
Exemples :
  coutcontrat schema                  # JSON Schema de Contract, Quote, Lookup, Error…
  coutcontrat schema --typescript     # les mêmes en types TypeScript (ceux du paquet npm)";

#[derive(Debug, Args)]
struct SchemaArgs {
    /// Les types TypeScript au lieu des schémas JSON.
    #[arg(long)]
    typescript: bool,
}

#[cfg(feature = "serve")]
const SERVE_EXAMPLES: &str = "\
Exemples :
  coutcontrat serve                                   # http://127.0.0.1:8787
  coutcontrat --data /srv/coutcontrat/data serve --address 0.0.0.0 --port 8080 --cors-origin https://cfa.example
  curl -s localhost:8787/v1/quote -H 'Content-Type: application/json' \\
      -d '{\"signed_on\":\"2025-08-15\",\"start\":\"2025-09-01\",\"end\":\"2027-02-28\",\"npec\":7000,\"price\":9000,\"level\":6}'

Routes : POST /v1/quote, POST /v1/batch (text/csv), GET /v1/lookup, /v1/search, /v1/branches, /v1/editions,
/healthz, /openapi.json. Une ligne JSON par requête sur la sortie d'erreur (route, statut, durée).";

#[cfg(feature = "serve")]
#[derive(Debug, Args)]
struct ServeArgs {
    /// Adresse d'écoute.
    #[arg(long, default_value = "127.0.0.1")]
    address: std::net::IpAddr,
    /// Port d'écoute.
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Taille maximale du corps de POST /v1/quote, en octets.
    #[arg(long, value_name = "OCTETS", default_value_t = coutcontrat_cli::input::MAX_CONTRACT_JSON_BYTES as usize)]
    max_body_bytes: usize,
    /// Taille maximale du corps de POST /v1/batch, en octets.
    #[arg(long, value_name = "OCTETS", default_value_t = 64 * 1024 * 1024)]
    max_batch_bytes: usize,
    /// Nombre maximal de lignes d'un lot.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_batch_rows: u64,
    /// Nombre maximal de requêtes traitées en même temps (au-delà : 503).
    #[arg(long, value_name = "N", default_value_t = 256)]
    max_concurrent: usize,
    /// Délai maximal d'une requête, en secondes, de son en-tête à celui de la réponse (au-delà : 408).
    #[arg(long, value_name = "S", default_value_t = 30)]
    timeout: u64,
    /// Origine permise par CORS (répétable) ; aucune par défaut.
    #[arg(long, value_name = "ORIGINE")]
    cors_origin: Vec<String>,
    /// Pas de ligne de journal par requête.
    #[arg(long)]
    quiet: bool,
}

#[derive(Debug, Args)]
struct QuoteArgs {
    /// Interface JSON : le devis en JSON sur la sortie standard (le contrat est lu en JSON sur l'entrée
    /// standard quand aucune option de contrat n'est donnée).
    #[arg(long)]
    json: bool,
    /// Une autre lecture des textes là où ils laissent un choix (options de RULES.md section 0), en JSON :
    /// `{"first_month_on_rupture": true}`.
    #[arg(long, value_name = "JSON", value_parser = parse_policy)]
    policy: Option<Policy>,
    #[command(flatten)]
    contract: ContractFlags,
}

#[derive(Debug, Args)]
struct MatrixArgs {
    /// La matrice en JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// La matrice en CSV, une ligne par branche.
    #[arg(long)]
    csv: bool,
    /// Durée du contrat en mois, quand --end n'est pas donnée (le début est la signature sans --start).
    #[arg(long, value_name = "MOIS", value_parser = clap::value_parser!(u32).range(1..=48))]
    months: Option<u32>,
    #[command(flatten)]
    contract: ContractFlags,
}

#[derive(Debug, Args)]
struct CashflowArgs {
    /// Fichier CSV des contrats, les colonnes de `coutcontrat batch` (`-` pour l'entrée standard).
    #[arg(value_name = "IN.csv")]
    input: PathBuf,
    /// Écrit un versement par ligne dans ce fichier CSV (`due,opco,rncp,line,kind,amount`).
    #[arg(short, long, value_name = "OUT.csv")]
    output: Option<PathBuf>,
    /// Les totaux par OPCO (défaut) ou par certification.
    #[arg(long, value_parser = ["opco", "rncp"], default_value = "opco")]
    by: String,
}

#[derive(Debug, Args)]
struct DiffArgs {
    /// L'édition de départ (son étiquette, ou son début : 2025-09).
    #[arg(long, value_name = "ÉDITION")]
    from: String,
    /// L'édition d'arrivée.
    #[arg(long, value_name = "ÉDITION")]
    to: String,
    /// Seulement ces certifications (répétable).
    #[arg(long, value_name = "RNCP")]
    rncp: Vec<String>,
    /// Seulement les certifications d'un catalogue de formations (le JSON du widget).
    #[arg(long, value_name = "courses.json")]
    catalogue: Option<PathBuf>,
    /// La comparaison en JSON.
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// La comparaison en CSV.
    #[arg(long)]
    csv: bool,
}

const DIFF_EXAMPLES: &str = "Exemples :
  coutcontrat diff --from 2025-09 --to 2026-09
  coutcontrat diff --from 2025-09 --to 2026-09 --rncp RNCP41000 --csv
  coutcontrat diff --from 2025-09 --to 2026-09 --catalogue formations.json";

const CASHFLOW_EXAMPLES: &str = "Exemples :
  coutcontrat cashflow contrats.csv
  coutcontrat cashflow contrats.csv -o versements.csv --by rncp
Code de sortie 1 quand des lignes sont refusées (listées avec leur numéro), les autres étant chiffrées.";

const MATRIX_EXAMPLES: &str = "Exemples :
  coutcontrat matrix --rncp RNCP41000 --price 9000 --months 24 --signed-on 2026-09-14
  coutcontrat matrix --rncp RNCP41000 --price 9000 --months 24 --signed-on 2026-09-14 --csv > grille.csv
Chaque ligne est le devis de `coutcontrat quote` avec --cpne de la branche.";

#[derive(Debug, Args)]
struct BatchArgs {
    /// Fichier CSV des contrats (`-` pour l'entrée standard).
    #[arg(value_name = "IN.csv")]
    input: PathBuf,
    /// Fichier CSV de sortie (sortie standard par défaut).
    #[arg(short, long, value_name = "OUT.csv")]
    output: Option<PathBuf>,
    /// Séparateur des colonnes (deviné sur l'en-tête par défaut).
    #[arg(long, value_name = "CAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Affiche l'avancement sur la sortie d'erreur même quand ce n'est pas un terminal.
    #[arg(long)]
    progress: bool,
    /// Nombre de lignes entre deux lignes d'avancement.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    every: u64,
}

#[derive(Debug, Args)]
struct LookupArgs {
    /// Code RNCP de la certification.
    #[arg(long, value_name = "CODE")]
    rncp: String,
    /// IDCC de la convention collective de l'employeur.
    #[arg(long, value_name = "IDCC", required_unless_present = "cpne")]
    idcc: Option<String>,
    /// Code CPNE de la branche (à la place de l'IDCC, ou pour choisir quand l'IDCC en a plusieurs).
    #[arg(long, value_name = "CODE")]
    cpne: Option<String>,
    /// Date de conclusion du contrat.
    #[arg(long, value_name = "AAAA-MM-JJ")]
    signed_on: String,
    /// Niveau de la certification (3 à 8), pour la valeur d'amorçage quand il n'y a pas de NPEC.
    #[arg(long, value_name = "3-8")]
    level: Option<String>,
    /// Réponse en JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// Code RNCP ou mots de l'intitulé (sans accents ni majuscules obligatoires).
    #[arg(required = true, value_name = "MOTS")]
    words: Vec<String>,
    /// Nombre maximal de résultats.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Réponse en JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct BranchesArgs {
    /// IDCC, code CPNE ou mots du nom de la convention ou de la branche ; sans mot, toute la correspondance.
    #[arg(value_name = "MOTS")]
    words: Vec<String>,
    /// Date de conclusion qui choisit l'édition de la correspondance CPNE–IDCC (aujourd'hui par défaut).
    #[arg(long, value_name = "AAAA-MM-JJ")]
    signed_on: Option<String>,
    /// Nombre maximal de résultats.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Réponse en JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct ImportArgs {
    /// Le classeur officiel (.xlsx) ou une archive (.zip) qui le contient ; ou l'export du RNCP (.zip).
    #[arg(value_name = "FICHIER.xlsx|FICHIER.zip")]
    file: PathBuf,
    /// Dossier de données où ajouter la version, dans referentiel/VERSION/ (par défaut --data, sinon
    /// ./data).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Remplace une version de même étiquette importée d'un autre fichier (sinon refusé : une version publiée
    /// ne change pas sans nouvelle étiquette).
    #[arg(long)]
    replace: bool,
    /// Résumé en JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct VerifyArgs {
    /// Dossier où chercher les fichiers sources nommés par les manifestes, pour vérifier leur empreinte SHA-256
    /// (répétable).
    #[arg(long, value_name = "DIR")]
    sources: Vec<PathBuf>,
    /// Compare aussi avec les données intégrées au programme quand le dossier n'est pas le data/ du dépôt.
    #[arg(long)]
    embedded: bool,
    /// Rapport en JSON.
    #[arg(long)]
    json: bool,
}

fn parse_policy(text: &str) -> Result<Policy, String> {
    serde_json::from_str(text).map_err(|e| {
        format!(
            "{e} ; par exemple {{\"first_month_on_rupture\": true, \"per_month_rounding\": true}}"
        )
    })
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "\\t" | "tab" | "\t" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        _ => Err("un seul caractère ASCII : « , », « ; » ou « tab »".to_owned()),
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::io("JSON", e))?;
    print_out(&text)
}

/// A command's text for a reader: made printable (labels come from workbooks), unlike its JSON.
fn print_text(text: &str) -> Result<(), Failure> {
    print_out(&render::for_terminal(text))
}

fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush())
        .or_else(|e| match e.kind() {
            // `coutcontrat search x | head -1`: the reader has what it wanted.
            io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(Failure::io("sortie standard", e)),
        })
}

fn schema(args: &SchemaArgs) -> Result<u8, Failure> {
    if args.typescript {
        print_text(&coutcontrat_cli::schema::typescript())?;
    } else {
        print_json(&coutcontrat_cli::schema::components())?;
    }
    Ok(EXIT_OK)
}

fn quote(cli: &Cli, args: &QuoteArgs) -> Result<u8, Failure> {
    let input = if !args.contract.is_empty() {
        args.contract.to_input()?
    } else if args.json || !io::stdin().is_terminal() {
        read_json_contract(io::stdin().lock())?
    } else {
        return Err(Failure::Usage(
            "aucun contrat : donnez-le par les options (--signed-on, --start, --end, --price…, voir --help) ou \
             en JSON sur l'entrée standard"
                .into(),
        ));
    };
    let contract = input.parse()?;
    let referentiel = data::load(cli.data.as_deref())?;
    let quote = Quoter::new(&referentiel)
        .with_policy(args.policy.clone().unwrap_or_default())
        .quote(&contract)?;
    if args.json {
        print_json(&quote)?;
    } else {
        print_text(&render::quote_text(&contract, &quote))?;
    }
    Ok(EXIT_OK)
}

fn batch(cli: &Cli, args: &BatchArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    // The batch writes figures only: no need for the explanations' text.
    let quoter = Quoter::new(&referentiel).without_details();
    let options = batch::Options {
        input: args.input.clone(),
        output: args.output.clone(),
        delimiter: args.delimiter,
        progress: args.progress,
        every: args.every,
    };
    let s = batch::run(&options, &quoter)?;
    let mut line = format!(
        "{} ligne{} : {} chiffrée{}",
        s.rows,
        plural(s.rows),
        s.quoted,
        plural(s.quoted)
    );
    if s.blank > 0 {
        line.push_str(&format!(
            ", {} vide{} recopiée{}",
            s.blank,
            plural(s.blank),
            plural(s.blank)
        ));
    }
    line.push_str(&format!(", {} en erreur", s.errors));
    if let Some(out) = args.output.as_ref().filter(|o| o.as_os_str() != "-") {
        line.push_str(&format!(" → {}", out.display()));
    }
    say(&line);
    Ok(if s.errors > 0 { EXIT_FAILED } else { EXIT_OK })
}

fn plural(n: u64) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

fn matrix(cli: &Cli, args: &MatrixArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let quoter = Quoter::new(&referentiel).without_details();
    let m = matrix::matrix(&quoter, &args.contract, args.months)?;
    if args.json {
        print_json(&m)?;
    } else if args.csv {
        print_text(&matrix::csv(&m)?)?;
    } else {
        print_text(&matrix::text(&m))?;
    }
    Ok(EXIT_OK)
}

fn diff(cli: &Cli, args: &DiffArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let mut only: Vec<String> = Vec::new();
    for code in &args.rncp {
        only.push(
            coutcontrat::referentiel::normalize_rncp(code).ok_or_else(|| {
                Failure::Usage(format!(
                    "--rncp « {code} » n'est pas un code RNCP (RNCP suivi de chiffres)"
                ))
            })?,
        );
    }
    if let Some(path) = &args.catalogue {
        let text = std::fs::read_to_string(path).map_err(|e| Failure::io(path.display(), e))?;
        only.extend(diff::catalogue_codes(&text)?);
    }
    let d = diff::compare(&referentiel, &args.from, &args.to, &only)?;
    if args.json {
        print_json(&d)?;
    } else if args.csv {
        print_text(&diff::csv(&d)?)?;
    } else {
        print_text(&diff::text(&d))?;
    }
    Ok(EXIT_OK)
}

fn cashflow(cli: &Cli, args: &CashflowArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let quoter = Quoter::new(&referentiel).without_details();
    let c = if args.input.as_os_str() == "-" {
        cashflow::read(io::stdin().lock(), &quoter)?
    } else {
        let file =
            std::fs::File::open(&args.input).map_err(|e| Failure::io(args.input.display(), e))?;
        cashflow::read(file, &quoter)?
    };
    if let Some(out) = &args.output {
        std::fs::write(out, cashflow::csv(&c)?).map_err(|e| Failure::io(out.display(), e))?;
    }
    print_text(&cashflow::summary(&c, args.by == "rncp"))?;
    Ok(if c.refused.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

fn lookup(cli: &Cli, args: &LookupArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let out = lookup::lookup(
        &referentiel,
        &lookup::LookupQuery {
            rncp: &args.rncp,
            idcc: args.idcc.as_deref(),
            cpne: args.cpne.as_deref(),
            signed_on: &args.signed_on,
            level: args.level.as_deref(),
        },
    )?;
    if args.json {
        print_json(&out)?;
    } else {
        print_text(&lookup::lookup_text(&out))?;
    }
    Ok(EXIT_OK)
}

fn search(cli: &Cli, args: &SearchArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let hits = referentiel.search_certifications(&args.words.join(" "), args.limit);
    if args.json {
        print_json(&hits)?;
    } else {
        print_text(&lookup::certifications_text(&hits))?;
    }
    Ok(EXIT_OK)
}

fn branches(cli: &Cli, args: &BranchesArgs) -> Result<u8, Failure> {
    let referentiel = data::load(cli.data.as_deref())?;
    let signed_on = match &args.signed_on {
        Some(text) => coutcontrat::contract::parse_date(text, "signed_on")?,
        None => lookup::today(),
    };
    let query = args.words.join(" ");
    let hits = if query.trim().is_empty() {
        lookup::all_branches(&referentiel, signed_on, args.limit)
    } else {
        referentiel.search_branches(&query, signed_on, args.limit)
    };
    if args.json {
        print_json(&hits)?;
    } else {
        print_text(&lookup::branches_text(&hits))?;
    }
    Ok(EXIT_OK)
}

fn import(cli: &Cli, args: &ImportArgs) -> Result<u8, Failure> {
    let out = args
        .out
        .clone()
        .or_else(|| cli.data.clone())
        .unwrap_or_else(|| PathBuf::from("data"));
    let summary = data::import(&out, &args.file, args.replace)?;
    if args.json {
        print_out(&summary.json)?;
    } else {
        print_text(&summary.text)?;
    }
    Ok(EXIT_OK)
}

fn verify(cli: &Cli, args: &VerifyArgs) -> Result<u8, Failure> {
    let dir = cli.data.clone().unwrap_or_else(|| PathBuf::from("data"));
    let verified = verify::verify(&dir, &args.sources, args.embedded.then_some(true));
    if args.json {
        print_out(&verified.json)?;
    } else {
        print_text(&verified.text)?;
    }
    Ok(if verified.ok { EXIT_OK } else { EXIT_FAILED })
}

#[cfg(feature = "serve")]
fn serve(cli: &Cli, args: &ServeArgs) -> Result<u8, Failure> {
    let referentiel: &'static coutcontrat::Referentiel = match data::load(cli.data.as_deref())? {
        std::borrow::Cow::Borrowed(r) => r,
        // Loaded once for the life of the process.
        std::borrow::Cow::Owned(r) => Box::leak(Box::new(r)),
    };
    let config = coutcontrat_cli::serve::Config {
        max_body_bytes: args.max_body_bytes,
        max_batch_bytes: args.max_batch_bytes,
        max_batch_rows: args.max_batch_rows,
        max_concurrent: args.max_concurrent,
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
        cors_origins: args.cors_origin.clone(),
        log: !args.quiet,
    };
    coutcontrat_cli::serve::run(
        std::net::SocketAddr::new(args.address, args.port),
        referentiel,
        config,
    )?;
    Ok(EXIT_OK)
}

fn json_mode(command: &Command) -> bool {
    match command {
        Command::Quote(a) => a.json,
        Command::Lookup(a) => a.json,
        Command::Matrix(a) => a.json,
        Command::Cashflow(_) => false,
        Command::Diff(a) => a.json,
        Command::Search(a) => a.json,
        Command::Branches(a) => a.json,
        Command::Import(a) => a.json,
        Command::Verify(a) => a.json,
        Command::Batch(_) => false,
        Command::Schema(_) => false,
        #[cfg(feature = "serve")]
        Command::Serve(_) => false,
    }
}

/// Writes a line to standard error. `eprintln!` panics when that fails (a full disk, a closed pipe as in
/// `batch … 2>&1 | head -1`); a message nobody can read must not turn an exit status into a crash (101).
fn say(line: &str) {
    use std::io::Write as _;
    // Messages repeat the data they are about: shown, never obeyed, by the terminal.
    let _ = writeln!(std::io::stderr().lock(), "{}", render::for_terminal(line));
}

fn main() -> ExitCode {
    let command = Cli::command().mut_subcommand("batch", |c| c.after_help(batch_help()));
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match &cli.command {
        Command::Quote(args) => quote(&cli, args),
        Command::Batch(args) => batch(&cli, args),
        Command::Lookup(args) => lookup(&cli, args),
        Command::Matrix(args) => matrix(&cli, args),
        Command::Cashflow(args) => cashflow(&cli, args),
        Command::Diff(args) => diff(&cli, args),
        Command::Search(args) => search(&cli, args),
        Command::Branches(args) => branches(&cli, args),
        Command::Import(args) => import(&cli, args),
        Command::Verify(args) => verify(&cli, args),
        Command::Schema(args) => schema(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve(&cli, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            say(&format!("coutcontrat : {failure}"));
            if json_mode(&cli.command) {
                let _ = print_json(&failure.to_json());
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
