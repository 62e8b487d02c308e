//! The share link on the printed quote, written out and as a QR code drawn by the page (no network, no image
//! file): a reader of the paper finds the same figures in the calculator.

use std::fmt::Write;

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// Modules of white around the code, as the standard asks.
const QUIET_ZONE: i32 = 4;

/// The link's properties.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PrintLinkProps {
    /// The whole address of the quote.
    pub link: AttrValue,
}

/// `link` in words and as a QR code in SVG (one path of unit squares, the quiet zone in the view box),
/// printed only. Encoded again only when the link changes (the page passes it after a pause in typing).
#[function_component(PrintLink)]
pub fn print_link(props: &PrintLinkProps) -> Html {
    let drawn = use_memo(props.link.clone(), |link| {
        let code = QrCode::encode_text(link, QrCodeEcc::Medium).ok()?;
        let n = code.size();
        let mut path = String::new();
        for y in 0..n {
            for x in 0..n {
                if code.get_module(x, y) {
                    let _ = write!(path, "M{x} {y}h1v1h-1z");
                }
            }
        }
        let side = n + 2 * QUIET_ZONE;
        Some((format!("-{QUIET_ZONE} -{QUIET_ZONE} {side} {side}"), path))
    });
    if props.link.is_empty() {
        return html! {};
    }
    html! {
        <>
            if let Some((view, path)) = &*drawn {
                <svg class="print-only qr" id="print-qr" viewBox={view.clone()} role="img"
                    aria-label="Code QR du lien de ce chiffrage" xmlns="http://www.w3.org/2000/svg">
                    <path d={path.clone()} />
                </svg>
            }
            <p class="print-only doc-link" id="print-link">
                { format!("Lien de ce chiffrage : {}", props.link) }
            </p>
        </>
    }
}
