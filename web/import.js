/* The import of the official référentiel in the browser (issue 18). The page shows its controls
   (web/src/components/data_import.rs); boot.js loads this module the first time one is used, so nothing of
   the import weighs on a visit that does not import.
   - start(file, input): reads the file in a Web Worker (import-worker.js), shows a progress bar, what it
     read and a button to stop; the edition read is kept in IndexedDB (the compact form and its
     description, with the day of the import), then the page reloads on it; the same file again changes
     nothing, another file of the same edition replaces it. A refused file leaves the data held as they
     were, and says why.
   - remove(tag): forgets an imported edition; the page reloads on the shipped data.
   boot.js reads the same store at start (window.__coutcontratImported). */
var DB = "coutcontrat";
var STORE = "editions";
var running = null;

function openStore(mode) {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open(DB, 1);
    open.onupgradeneeded = function () {
      open.result.createObjectStore(STORE, { keyPath: "tag" });
    };
    open.onerror = function () {
      reject(open.error);
    };
    open.onsuccess = function () {
      resolve(open.result.transaction(STORE, mode));
    };
  });
}

function done(tx) {
  return new Promise(function (resolve, reject) {
    tx.oncomplete = function () {
      resolve();
    };
    tx.onerror = tx.onabort = function () {
      reject(tx.error);
    };
  });
}

function element(name, attributes, text) {
  var e = document.createElement(name);
  Object.keys(attributes).forEach(function (k) {
    e.setAttribute(k, attributes[k]);
  });
  if (text) e.textContent = text;
  return e;
}

function number(n) {
  return Number(n).toLocaleString("fr-FR");
}

export function start(file, input) {
  if (running) running();
  var area = document.getElementById("npec-import-run");
  if (!area) return;
  var bar = element("progress", { id: "npec-import-progress", max: "100", "aria-label": "Lecture du fichier" });
  var status = element("p", { id: "npec-import-status", role: "status" }, "Lecture de « " + file.name + " »…");
  var stop = element("button", { type: "button", class: "button", id: "npec-import-cancel" }, "Arrêter l'import");
  area.replaceChildren(bar, status, stop);
  var worker = new Worker(new URL("import-worker.js", import.meta.url), { type: "module" });
  var said = -1;
  function end() {
    worker.terminate();
    running = null;
    bar.remove();
    stop.remove();
  }
  function fail(message) {
    end();
    status.remove();
    area.append(element("p", { id: "npec-import-error", role: "alert", class: "notice error" },
      "Fichier refusé : " + message.replace(/[\s.]*$/, ".") + " Les données de la page n'ont pas changé."));
    input.value = "";
  }
  running = end;
  stop.onclick = function () {
    end();
    status.textContent = "Import arrêté : les données de la page n'ont pas changé.";
    input.value = "";
    input.focus();
  };
  worker.onmessage = function (event) {
    var m = event.data;
    if (m.kind === "progress") {
      bar.value = m.percent;
      // Said at every tenth, not at every chunk: a screen reader would hear nothing else.
      if (Math.floor(m.percent / 10) !== said) {
        said = Math.floor(m.percent / 10);
        status.textContent = "Lecture de « " + file.name + " » : " + number(m.rows) + " lignes lues (" + m.percent + " %)";
      }
    } else if (m.kind === "done") {
      end();
      var edition = m.edition;
      var same = null;
      // The visitor's day, not UTC's.
      var now = new Date();
      edition.imported_on = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
        String(now.getDate()).padStart(2, "0");
      status.textContent = "Édition " + edition.tag + " lue : " + number(edition.rows) + " lignes, " +
        number(edition.certifications) + " certifications. Enregistrement…";
      openStore("readwrite")
        .then(function (tx) {
          var store = tx.objectStore(STORE);
          var held = store.get(edition.tag);
          held.onsuccess = function () {
            var before = held.result && held.result.edition;
            // The same file again: nothing to change, nor to reload.
            if (before && before.sha256 && before.sha256 === edition.sha256) {
              same = before;
              return;
            }
            store.put({ tag: edition.tag, edition: edition, compact: m.compact });
          };
          return done(tx);
        })
        .then(function () {
          if (same) {
            status.textContent = "Édition " + edition.tag + " déjà importée depuis ce fichier (même empreinte " +
              "SHA-256) : rien n'a changé.";
            input.value = "";
            return;
          }
          status.textContent = "Édition " + edition.tag + " importée : la page se recharge avec elle.";
          // For scripts/bench-web-import.sh: the worker's reading time, apart from the saving and reloading.
          try {
            sessionStorage.setItem("coutcontrat-last-import", JSON.stringify({ worker_ms: m.ms, rows: edition.rows }));
          } catch (e) { /* no session storage: nothing to measure */ }
          location.reload();
        })
        .catch(function (e) {
          fail("ce navigateur n'a pas pu garder l'édition (" + String(e) + ").");
        });
    } else if (m.kind === "error") {
      fail(m.message);
    }
  };
  worker.onerror = function (e) {
    e.preventDefault();
    fail("le lecteur n'a pas pu démarrer (" + String(e.message || "import-worker.js") + ").");
  };
  worker.postMessage({ file: file });
}

export function remove(tag) {
  return openStore("readwrite")
    .then(function (tx) {
      tx.objectStore(STORE).delete(tag);
      return done(tx);
    })
    .then(function () {
      location.reload();
    });
}
