/*! coutcontrat widget loader (web/README.md, "Widget"). No dependency; sends nothing anywhere.
 <script src="https://…/widget.js" data-catalogue='[…]' data-primary="#0a6560" async></script>
 Inserts an iframe on the widget page and, when it says "coutcontrat:ready", hands it the catalogue by
 message (never in its address: thousands of courses); sizes it by its "coutcontrat:resize" messages;
 re-dispatches its "coutcontrat:result" messages as a "coutcontrat:result" CustomEvent (bubbling) on the
 container. Every message is checked (origin and source) and posted to the widget's origin only. */
(function () {
  "use strict";
  var s = document.currentScript;
  if (!s) return;
  var d = s.dataset,
    base = new URL(s.src, location.href),
    origin = base.origin,
    E = encodeURIComponent,
    box = d.target && document.querySelector(d.target);
  if (!box) {
    box = document.createElement("div");
    s.parentNode.insertBefore(box, s.nextSibling);
  }
  box.classList.add("coutcontrat-widget");
  function warn(m) {
    console.error("coutcontrat widget: " + m);
  }
  if (location.origin === "null")
    warn("this page has no origin (file: or a sandbox): the widget will send it nothing");
  // catalogue: the CFA's JSON as written, or null; the widget checks it (its console says what is wrong).
  function start(catalogue) {
    var q = ["v=1", "host=" + E(location.origin)];
    ["primary", "text", "font", "radius"].forEach(function (k) {
      if (d[k]) q.push(k + "=" + E(d[k]));
    });
    if (catalogue != null) q.push("catalogue=message");
    var f = document.createElement("iframe"),
      p = document.createElement("p"),
      a = document.createElement("a");
    f.title = d.title || "Simulateur : coût d'un contrat d'apprentissage, prise en charge OPCO et reste à charge de l'employeur";
    f.src = new URL("widget.html", base).href + "#" + q.join("&");
    f.style.cssText = "display:block;width:100%;height:640px;border:0;overflow:hidden";
    p.style.cssText = "margin:.25em 0 0;font-size:.85em;text-align:right";
    a.href = new URL("index.html", base).href;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = "Calculateur complet (coutcontrat, nouvel onglet)";
    p.appendChild(a);
    addEventListener("message", function (e) {
      var m = e.data;
      // Only the widget's own frame, from the widget's origin, in version 1.
      if (e.origin !== origin || e.source !== f.contentWindow || !m || m.v !== 1) return;
      if (m.type === "coutcontrat:ready" && catalogue != null)
        // To the widget's origin only: a frame navigated elsewhere gets nothing.
        f.contentWindow.postMessage({ type: "coutcontrat:catalogue", v: 1, catalogue: catalogue }, origin);
      else if (m.type === "coutcontrat:resize" && typeof m.height == "number" && m.height > 0 && m.height < 1e5)
        f.style.height = Math.ceil(m.height) + "px";
      else if (m.type === "coutcontrat:result")
        box.dispatchEvent(new CustomEvent("coutcontrat:result", { bubbles: true, detail: m }));
    });
    box.appendChild(f);
    box.appendChild(p);
  }
  if (d.catalogueUrl)
    fetch(new URL(d.catalogueUrl, location.href), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw Error("HTTP " + r.status);
        return r.text();
      })
      .then(start, function (e) {
        warn("cannot read data-catalogue-url: " + e.message);
        start(null);
      });
  else start(d.catalogue == null ? null : d.catalogue);
})();
