/* The Web Worker of the référentiel's import (import.js starts it): the library's importer compiled to
   WebAssembly (web/importer, built by scripts/build-module.sh, which writes the names of its hashed
   files in place of the two below). It gets the visitor's File, reads it here, off the page's thread, and
   posts back its progress, then the edition in compact form with its description, or the message that says
   what is wrong with the file. Nothing is sent anywhere. */
import init, { importFile, maxFileBytes } from "./__MODULE_JS__";

var ready = init({ module_or_path: new URL("./__MODULE_WASM__", import.meta.url) });

function megabytes(n) {
  return (n / 1048576).toLocaleString("fr-FR", { maximumFractionDigits: 1 }) + " Mo";
}

self.onmessage = function (event) {
  var file = event.data.file;
  var started = performance.now();
  ready
    .then(function () {
      var max = maxFileBytes();
      // Refused before being read: the importer's own limit, as the command line's.
      if (file.size > max) {
        throw new Error("« " + file.name + " » pèse " + megabytes(file.size) + ", plus que les " +
          megabytes(max) + " qu'un référentiel peut peser : ce n'est pas le fichier de France compétences, " +
          "ou il est endommagé.");
      }
      return file.arrayBuffer();
    })
    .then(function (buffer) {
      var out = importFile(file.name, new Uint8Array(buffer), function (rows, percent) {
        self.postMessage({ kind: "progress", rows: rows, percent: percent });
      });
      var compact = out[0];
      self.postMessage({
        kind: "done", compact: compact, edition: JSON.parse(out[1]), ms: Math.round(performance.now() - started)
      }, [compact.buffer]);
    })
    .catch(function (e) {
      var message = e instanceof WebAssembly.RuntimeError
        ? "la lecture de « " + file.name + " » s'est arrêtée (" + e.message + ") : le fichier est trop " +
          "grand pour la mémoire de ce navigateur, ou endommagé."
        : String((e && e.message) || e);
      self.postMessage({ kind: "error", message: message });
    });
};
