/*! coutcontrat widget loader (web/README.md, "Widget"). No dependency; sends nothing anywhere.
 <script src="https://…/widget.js" data-catalogue='[…]' data-primary="#0a6560" async></script>
 Inserts an iframe on the widget page, sized by its "coutcontrat:resize" messages; re-dispatches its
 "coutcontrat:result" messages as a "coutcontrat:result" CustomEvent (bubbling) on the container. */
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
  function start(list) {
    var q = ["v=1", "host=" + E(location.origin)];
    ["primary", "text", "font", "radius"].forEach(function (k) {
      if (d[k]) q.push(k + "=" + E(d[k]));
    });
    if (list && !Array.isArray(list)) list = list.courses;
    if (Array.isArray(list))
      // Compact: courses split by ";", fields by "," (both escaped inside a field).
      q.push("courses=" + list.map(function (c) {
        return ["rncp", "label", "level", "price", "months", "distance"].map(function (k) {
          return c && c[k] != null ? E(String(c[k])) : "";
        }).join(",");
      }).join(";"));
    else if (list) warn("the catalogue is not a list of courses");
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
    box.appendChild(f);
    box.appendChild(p);
    addEventListener("message", function (e) {
      var m = e.data;
      // Only the widget's own frame, from the widget's origin, in version 1.
      if (e.origin !== origin || e.source !== f.contentWindow || !m || m.v !== 1) return;
      if (m.type === "coutcontrat:resize" && typeof m.height == "number" && m.height > 0 && m.height < 1e5)
        f.style.height = Math.ceil(m.height) + "px";
      else if (m.type === "coutcontrat:result")
        box.dispatchEvent(new CustomEvent("coutcontrat:result", { bubbles: true, detail: m }));
    });
  }
  if (d.catalogueUrl)
    fetch(new URL(d.catalogueUrl, location.href), { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw Error("HTTP " + r.status);
        return r.json();
      })
      .then(start, function (e) {
        warn("cannot read data-catalogue-url: " + e.message);
        start();
      });
  else if (d.catalogue) {
    var list;
    try {
      list = JSON.parse(d.catalogue);
    } catch (e) {
      warn("data-catalogue is not JSON: " + e.message);
    }
    start(list);
  } else start();
})();
