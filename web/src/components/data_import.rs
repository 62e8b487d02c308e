//! The import of the official référentiel in the browser (issue 18), in the « Données » panel: the file
//! input, where `import.js` shows the progress, and the editions this browser keeps, each with its button
//! to remove it. The reading itself is `import.js`'s (loaded on first use, never before): a Web Worker runs
//! the library's importer (`web/importer`), nothing is sent anywhere.

use yew::prelude::*;

use crate::data::Catalog;
use crate::imported::ImportedEdition;

/// The id of the file input (`boot.js` and `import.js` listen to it).
pub const FILE_INPUT: &str = "npec-file";

/// A link to it (the figure of a certification the page's extract lacks offers the import).
pub const FILE_LINK: &str = "#npec-file";

fn kept(e: &ImportedEdition) -> Html {
    html! {
        <li>
            { format!(
                "Édition {} : « {} » (SHA-256 {}…), importée{}, {} lignes, {} certifications, {} branches. ",
                e.tag, e.source_file, e.short_sha256(), e.on_day(), e.rows, e.certifications, e.cpne
            ) }
            <button type="button" class="button" data-remove-edition={e.tag.clone()}>
                { format!("Retirer l'édition {}", e.tag) }
            </button>
        </li>
    }
}

/// The import section of the panel.
pub fn data_import() -> Html {
    let (editions, unreadable) = Catalog::embedded().imports();
    html! {
        <section class="data-import" id="npec-import" aria-labelledby="npec-import-title">
            <h2 id="npec-import-title">{ "Importer le fichier officiel" }</h2>
            <p>
                { "Le référentiel complet (fichier .zip ou .xlsx) se télécharge sur le site de France \
                   compétences. Il est lu dans ce navigateur, rien n'est envoyé ; l'édition importée y reste pour \
                   les visites suivantes et remplace l'extrait de la même édition." }
            </p>
            <label for={FILE_INPUT}>{ "Fichier du référentiel (.zip, .xlsx)" }</label>
            <input type="file" id={FILE_INPUT} accept=".zip,.xlsx,.xlsb" />
            // Filled by import.js: the progress bar, what it says, the button to stop.
            <div id="npec-import-run"></div>
            if !editions.is_empty() {
                <ul id="npec-imported">{ for editions.iter().map(kept) }</ul>
            }
            { for unreadable.iter().map(|(tag, why)| html! {
                <p class="notice">
                    { format!("{why} ") }
                    <button type="button" class="button" data-remove-edition={tag.clone()}>
                        { format!("Retirer l'édition {tag}") }
                    </button>
                </p>
            }) }
        </section>
    }
}
