/* The service worker of the calculator and the widget (web/README.md, « Offline »): after a first visit
   the page works without a network, as mon-entreprise's does. It never sends anything anywhere: it only
   keeps copies of this site's own files.
   - install: caches index.html and widget.html and every file they name (the hashed scripts, WebAssembly
     modules and styles, boot.js, the référentiel), and widget.js;
   - fetch (same origin, GET): the network first, so that a new build is seen at once; its answer
     refreshes the copy. Without a network, the copy (a page's address with any query: its file). */
"use strict";
var CACHE = "coutcontrat";
var PAGES = ["./", "index.html", "widget.html", "widget.js"];

function named(html) {
  var files = [];
  var re = /(?:href|src|data-js|data-wasm|data-referentiel)="([^"]+)"/g;
  var m;
  while ((m = re.exec(html))) {
    var url = new URL(m[1], self.registration.scope);
    if (url.origin === self.location.origin) files.push(url.href);
  }
  return files;
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Each page names its own module (the widget has one of its own): both are read.
      var page = function (name) {
        return fetch(name, { cache: "no-cache" }).then(function (r) {
          if (!r.ok) throw new Error(name + ": HTTP " + r.status);
          return r.text();
        });
      };
      return Promise.all([page("index.html"), page("widget.html")])
        .then(function (pages) {
          // addAll refuses a list that names a file twice.
          var urls = PAGES.map(function (p) {
            return new URL(p, self.registration.scope).href;
          }).concat(named(pages[0]), named(pages[1]));
          return cache.addAll(urls.filter(function (u, i) {
            return urls.indexOf(u) === i;
          }));
        });
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) {
            cache.put(request, copy);
          });
        }
        return response;
      })
      .catch(function (offline) {
        return caches.match(request, { ignoreSearch: true }).then(function (cached) {
          if (cached) return cached;
          throw offline;
        });
      })
  );
});
