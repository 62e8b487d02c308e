/* Starts the page (index.html). A file of its own, not an inline script, so that the page's
   Content-Security-Policy needs neither 'unsafe-inline' nor 'unsafe-eval': trunk's loader is inline,
   and Trunk.toml's `pattern_script` puts this one in its place, with the names of trunk's hashed files
   in data-js and data-wasm.
   1. Keeps the page's errors in window.__pageErrors, for the browser tests and a bug report:
      console.error, uncaught errors (a Rust panic in WebAssembly ends as one), unhandled rejections and
      Content-Security-Policy violations.
   2. Loads the WebAssembly as trunk's loader does (and fires the same TrunkApplicationStarted event), and
      meanwhile fetches the référentiel (data-referentiel: its compact form, written by Trunk.toml's hook),
      handed to the app as window.__coutcontratData before it starts (web/src/data.rs).
   3. If it cannot start, shows the page's message (#crash) instead of a blank page.
   4. Registers the service worker (sw.js) once the app runs: after a first visit, the page works offline.
   5. Hands the app the editions imported in this browser (IndexedDB, written by import.js) as
      window.__coutcontratImported, and loads import.js when its controls are first used.
   6. Loads export.js on the first click of an export link (the quote's JSON and CSV).
   7. Fetches the certification index (certifications.tsv) on the first use of the certification box. */
(function () {
  "use strict";
  var errors = (window.__pageErrors = []);
  var original = console.error;
  console.error = function () {
    errors.push(Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    errors.push(String(e.message || (e.target && (e.target.src || e.target.href)) || e));
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    errors.push("unhandled rejection: " + String(e.reason));
  });
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "(inline)") +
      (e.sourceFile ? " in " + e.sourceFile + ":" + e.lineNumber : ""));
  });

  // The calculator could not start (an old browser, a file missing): say so, unless a panic already did.
  function failed(reason) {
    var crash = document.getElementById("crash");
    if (!crash || !crash.hidden) return;
    var text = "Erreur : le calculateur n'a pas pu démarrer : " + String(reason) + "\n";
    var details = document.getElementById("crash-details");
    if (details) details.textContent = text;
    var report = document.getElementById("crash-report");
    if (report) {
      report.href += "?title=" + encodeURIComponent("Le calculateur ne démarre pas") +
        "&body=" + encodeURIComponent("```\n" + text + "Navigateur : " + navigator.userAgent + "\n```\n");
    }
    crash.hidden = false;
  }

  // The editions import.js kept; none where IndexedDB is missing or refused (a private window).
  function storedEditions() {
    return new Promise(function (resolve) {
      // A store that never answers must not keep the calculator from starting.
      setTimeout(function () {
        resolve([]);
      }, 1500);
      var open;
      try {
        open = indexedDB.open("coutcontrat", 1);
      } catch (e) {
        return resolve([]);
      }
      open.onupgradeneeded = function () {
        open.result.createObjectStore("editions", { keyPath: "tag" });
      };
      open.onerror = open.onblocked = function () {
        resolve([]);
      };
      open.onsuccess = function () {
        var db = open.result;
        try {
          var all = db.transaction("editions", "readonly").objectStore("editions").getAll();
          all.onsuccess = function () {
            db.close();
            resolve(all.result || []);
          };
          all.onerror = function () {
            db.close();
            resolve([]);
          };
        } catch (e) {
          db.close();
          resolve([]);
        }
      };
    });
  }

  var script = document.currentScript;
  var here = script ? script.src : location.href;
  function importer() {
    return import(new URL("import.js", here).href);
  }
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (input && input.id === "npec-file" && input.files && input.files[0]) {
      var file = input.files[0];
      importer().then(function (m) {
        m.start(file, input);
      }, function (err) {
        errors.push("import.js: " + String(err));
      });
    }
  });
  // The certification index (every certification by name), fetched on the first use of the certification
  // box; the box's text is then searched again with it.
  var index = null;
  document.addEventListener("focusin", function (e) {
    var box = e.target;
    if (index || !box || box.id !== "certification") return;
    index = fetch(new URL("certifications.tsv", here).href)
      .then(function (r) {
        if (!r.ok) throw new Error("certifications.tsv : HTTP " + r.status);
        return r.text();
      })
      .then(function (text) {
        window.__coutcontratCertifications = text;
        // Prepared when the page is idle, not at a keystroke; then the box's text is searched again.
        var idle = window.requestIdleCallback || function (f) { setTimeout(f, 0); };
        idle(function () {
          var b = window.wasmBindings;
          if (b && b.prepareCertificationIndex) b.prepareCertificationIndex();
          if (box.value) box.dispatchEvent(new Event("input", { bubbles: true }));
        });
      })
      .catch(function (err) {
        index = null;
        console.warn("coutcontrat: no certification index: " + String(err));
      });
  });
  // The export (export.js, loaded on the first click): the link's file is written for the contract on
  // screen, then followed; a link already written for it is followed at once.
  var exporter = null;
  document.addEventListener("click", function (e) {
    var link = e.target && e.target.closest && e.target.closest("a[data-export]");
    if (!link) return;
    var share = document.getElementById("share-link");
    var q = share ? share.getAttribute("href").replace(/^\?/, "") : "";
    if (link.getAttribute("data-for") === q && link.getAttribute("href") !== "#") return;
    e.preventDefault();
    exporter = exporter || import(new URL("export.js", here).href);
    exporter.then(function (m) {
      return m.write(link, q);
    }).then(function (written) {
      if (written) link.click();
    }).catch(function (err) {
      exporter = null;
      errors.push("export.js: " + String(err));
      link.setAttribute("title", "Export impossible pour l'instant (" + String(err) + ") : réessayez.");
    });
  });
  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest && e.target.closest("[data-remove-edition]");
    if (button) {
      importer().then(function (m) {
        return m.remove(button.getAttribute("data-remove-edition"));
      }).catch(function (err) {
        errors.push("import.js: " + String(err));
      });
    }
  });
  var js = script && script.getAttribute("data-js");
  var wasm = script && script.getAttribute("data-wasm");
  var data = script && script.getAttribute("data-referentiel");
  if (!js || !wasm || !data) {
    errors.push("boot.js: data-js, data-wasm or data-referentiel is missing (see Trunk.toml, pattern_script)");
    return;
  }
  // Fetched at once, beside the script and the WebAssembly rather than after them.
  var referentiel = fetch(data).then(function (response) {
    if (!response.ok) throw new Error(data + " : HTTP " + response.status);
    return response.arrayBuffer();
  });
  Promise.all([import(js), referentiel, storedEditions()])
    .then(function (loaded) {
      var bindings = loaded[0];
      window.__coutcontratData = new Uint8Array(loaded[1]);
      window.__coutcontratImported = loaded[2];
      return bindings.default({ module_or_path: wasm }).then(function (instance) {
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
        // Not where there is none (a file: page, an old browser); its failure is no error of the page.
        if ("serviceWorker" in navigator && window.isSecureContext) {
          navigator.serviceWorker.register("sw.js").catch(function (e) {
            console.warn("coutcontrat: no offline copy: " + String(e));
          });
        }
      });
    })
    .catch(function (e) {
      errors.push("the calculator did not start: " + String(e));
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { failed(e); });
      } else {
        failed(e);
      }
    });
})();
