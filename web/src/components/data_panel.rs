//! The « Données » panel: which editions of the référentiel the page holds, whether each is the whole
//! official file or an extract, and which one the contract's date of conclusion selects (issue 18). A
//! figure is only as good as the data it meets: the page must never read as if its data were complete.

use coutcontrat::referentiel::{Coverage, TableVersion};
use yew::prelude::*;

use coutcontrat::dates::{add_days, add_years};

use super::data_import::{data_import, FILE_LINK};
use crate::data::Catalog;
use crate::format::date_short;
use crate::state::{Field, State};

/// Where France compétences publishes the whole référentiel.
const OFFICIAL_PAGE: &str = "https://www.francecompetences.fr/referentiels-et-bases-de-donnees/";

/// What the edition holds, in French.
fn coverage_text(v: &TableVersion) -> String {
    let mut text = match v.coverage {
        Coverage::Complete => "fichier officiel complet".to_owned(),
        Coverage::Partial => "extrait partiel".to_owned(),
    };
    if v.synthetic {
        text.push_str(", table SYNTHÉTIQUE : montants fictifs");
    }
    text
}

fn period_text(v: &TableVersion) -> String {
    match v.applies_until {
        Some(until) => format!("du {} au {}", date_short(v.applies_from), date_short(until)),
        None => format!("depuis le {}", date_short(v.applies_from)),
    }
}

/// The summary line: the edition in force for the contract, and whether it is complete.
fn summary(selected: Option<&TableVersion>, editions: usize) -> String {
    match selected {
        Some(v) => format!(
            "Données : référentiel NPEC {} ({}) — {editions} éditions dans la page",
            v.tag,
            coverage_text(v)
        ),
        None if editions == 0 => {
            "Données : aucun référentiel NPEC chargé (valeurs d'amorçage ou NPEC saisi)".to_owned()
        }
        None => format!(
            "Données : aucune des {editions} éditions de la page ne s'applique à cette date de conclusion"
        ),
    }
}

/// A contract concluded a year or more after the start of the newest edition: France compétences' yearly
/// procedure (REFERENTIEL.md: about 1 September) will probably have published another one by then.
pub fn next_edition(state: &State) -> Option<String> {
    let referentiel = Catalog::embedded().referentiel();
    let signed_on = state.reference_date();
    let v = referentiel.edition_for(signed_on)?;
    let expected = add_years(v.applies_from, 1);
    (v.applies_until.is_none() && signed_on >= expected).then(|| {
        format!(
            "Contrat conclu le {} : l'édition {} du référentiel, en vigueur depuis le {}, est la plus récente \
             de la page, mais France compétences en publie une nouvelle chaque année (vers le {}) ; elle \
             s'appliquera probablement à ce contrat, avec d'autres montants.",
            date_short(signed_on),
            v.tag,
            date_short(v.applies_from),
            date_short(expected)
        )
    })
}

/// For how long the printed figures hold: until the day before the next known change of the financing's
/// parameters or the next edition of the référentiel the page holds.
pub fn validity(state: &State) -> String {
    let referentiel = Catalog::embedded().referentiel();
    let signed_on = state.reference_date();
    let next_edition = referentiel
        .versions()
        .iter()
        .map(|v| v.applies_from)
        .filter(|d| *d > signed_on)
        .min();
    let next_rules = coutcontrat::rules::RuleBook::embedded().next_change_after(signed_on);
    match next_edition.into_iter().chain(next_rules).min() {
        Some(change) => format!(
            "valable pour un contrat conclu jusqu'au {}",
            date_short(add_days(change, -1))
        ),
        None => format!(
            "valable pour un contrat conclu le {}, tant qu'aucune nouvelle édition du référentiel ni aucune \
             nouvelle règle n'est publiée",
            date_short(signed_on)
        ),
    }
}

/// The panel, for the contract as typed (its date of conclusion, else today).
pub fn data_panel(state: &State) -> Html {
    let referentiel = Catalog::embedded().referentiel();
    let signed_on = state.reference_date();
    let selected = referentiel.edition_for(signed_on);
    let mut versions: Vec<&TableVersion> = referentiel.versions().iter().collect();
    versions.sort_by_key(|v| std::cmp::Reverse(v.applies_from));
    let is_selected = |v: &TableVersion| selected.is_some_and(|s| s.tag == v.tag);
    html! {
        <details class="data-panel" id="data-panel">
            <summary id="data-summary">{ summary(selected, versions.len()) }</summary>
            <p>
                { format!(
                    "Le référentiel des niveaux de prise en charge (NPEC) de France compétences change à chaque \
                     édition ; celle qui s'applique est la plus récente en vigueur à la date de conclusion du \
                     contrat (ici le {}).",
                    date_short(signed_on)
                ) }
            </p>
            if let Some(v) = selected.filter(|v| v.coverage == Coverage::Partial) {
                <p id="data-partial" class="notice">
                    { format!(
                        "L'édition {} est un extrait : une certification ou une branche qui n'y figure pas \
                         reçoit un NPEC provisoire (valeur d'amorçage), alors que le fichier officiel en donne \
                         souvent le montant. Demandez-le au CFA ou à l'OPCO de la branche et ",
                        v.tag
                    ) }
                    <a href={format!("#{}", Field::Npec.id())}>{ "saisissez-le dans « NPEC annuel connu »" }</a>
                    { ", ou téléchargez le fichier complet sur le " }
                    <a href={OFFICIAL_PAGE} rel="noopener">{ "site de France compétences" }</a>
                    { " et " }
                    <a href={FILE_LINK}>{ "importez-le dans cette page" }</a>
                    { "." }
                </p>
            }
            if let Some(text) = next_edition(state) {
                <p id="data-next-edition" class="notice">{ text }</p>
            }
            <table class="data-editions">
                <caption>{ "Éditions du référentiel dans cette page" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Édition" }</th>
                        <th scope="col">{ "Publiée le" }</th>
                        <th scope="col">{ "Contrats conclus" }</th>
                        <th scope="col">{ "Contenu" }</th>
                        <th scope="col">{ "Fichier d'origine" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for versions.iter().map(|v| html! {
                        <tr class={classes!(is_selected(v).then_some("selected"))}>
                            <th scope="row">
                                { v.tag.clone() }
                                if is_selected(v) { <strong>{ " (retenue pour ce contrat)" }</strong> }
                            </th>
                            <td>{ date_short(v.published) }</td>
                            <td>{ period_text(v) }</td>
                            <td>{ coverage_text(v) }</td>
                            <td>{ v.source_file.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { data_import() }
        </details>
    }
}
