/* The export of the quote (« Exporter (JSON) », « Exporter (CSV) »): boot.js loads this module on the first
   click of one of those links. The export's own WebAssembly (web/export, built by scripts/build-module.sh,
   which writes its hashed names in place of the two below) computes the quote of the page's share link
   (#share-link) with the page's own state and data, so the file holds the figures on screen. The link's
   address becomes the file (a data: address), kept for as long as the contract stays the same. */
import init, { exportFiles } from "./__MODULE_JS__";

var ready = init({ module_or_path: new URL("./__MODULE_WASM__", import.meta.url) });

/* Writes into the link the file of the quote of this share link's query (boot.js reads it from
   #share-link); false when the link gives no quote. */
export function write(link, q) {
  return ready.then(function () {
    var files = exportFiles(q);
    if (!files) return false;
    var json = link.getAttribute("data-export") === "json";
    link.setAttribute("href", "data:" + (json ? "application/json" : "text/csv") + ";charset=utf-8," +
      encodeURIComponent(files[json ? 0 : 1]));
    link.setAttribute("data-for", q);
    return true;
  });
}
