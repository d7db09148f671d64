/* Warn before a session ends and let the person stay logged in (WCAG 2.2.1).
 *
 * The server logs a user out after 30 minutes without a request and after
 * 8 hours in all (accounts/sessieduur.py). <body> says how many seconds are
 * left (data-sessie-resterend, data-sessie-maximaal; see
 * accounts/templatetags/sessie.py). Three minutes before the end a dialog
 * (templates/includes/_sessie.html) asks "Wil je ingelogd blijven?"; the
 * button POSTs to data-sessie-verlengen. Typing or clicking on the page also
 * counts as being there: then the keep-alive is sent at most every two
 * minutes. Nothing else extends the session, so an unattended screen still
 * ends it; the 8-hour limit never moves. Tabs share the new end through
 * localStorage. Without this script a late save keeps what was typed.
 */
(function () {
  "use strict";

  var body = document.body;
  var dialoog = document.getElementById("sessie-dialoog");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!body.hasAttribute("data-sessie-resterend") || !dialoog || !token) {
    return;
  }

  var waarschuwing = parseInt(body.getAttribute("data-sessie-waarschuwing"), 10) * 1000;
  var OPSLAG = "verhalenbank-sessie-einde";

  var inactief = parseInt(body.getAttribute("data-sessie-inactief"), 10) * 1000;
  // While typing: a keep-alive at most every 2 minutes (a quarter of a shorter limit).
  var verlengHoogstensElke = Math.min(2 * 60 * 1000, inactief / 4);
  var url = body.getAttribute("data-sessie-verlengen");
  var start = Date.now();
  var einde = start + parseInt(body.getAttribute("data-sessie-resterend"), 10) * 1000;
  var maximaal = start + parseInt(body.getAttribute("data-sessie-maximaal"), 10) * 1000;
  var bezig = false;
  var uitgelogd = false;
  var gewaarschuwd = false;
  var vorigeFocus = null;

  function knop(actie) {
    return dialoog.querySelector('[data-sessie-actie="' + actie + '"]');
  }

  function toon(staat) {
    dialoog.querySelectorAll("[data-sessie-staat]").forEach(function (el) {
      el.hidden = el.getAttribute("data-sessie-staat") !== staat;
    });
    knop("blijven").hidden = staat !== "inactief";
    knop("inloggen").hidden = staat !== "uitgelogd";
    knop("sluiten").hidden = staat === "inactief";
  }

  function minutenTekst(ms) {
    var minuten = Math.max(1, Math.ceil(ms / 60000));
    return minuten === 1 ? "1 minuut" : minuten + " minuten";
  }

  function open(staat, focusOp) {
    toon(staat);
    if (!dialoog.open) {
      vorigeFocus = document.activeElement;
      dialoog.showModal();
    }
    knop(focusOp).focus();
  }

  function sluit() {
    if (dialoog.open) {
      dialoog.close();
    }
  }

  dialoog.addEventListener("close", function () {
    if (vorigeFocus && document.contains(vorigeFocus)) {
      vorigeFocus.focus();
    }
    vorigeFocus = null;
  });

  function nieuwEinde(ms) {
    einde = ms;
    gewaarschuwd = false;
    try {
      window.localStorage.setItem(OPSLAG, String(ms));
    } catch (e) {
      /* private mode: this tab only */
    }
  }

  function alsUitgelogd() {
    uitgelogd = true;
    open("uitgelogd", "inloggen");
  }

  function verleng() {
    if (bezig || uitgelogd) {
      return;
    }
    bezig = true;
    var verstuurd = Date.now();
    window
      .fetch(url, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": token.getAttribute("content") },
      })
      .then(function (antwoord) {
        if (antwoord.status === 204) {
          nieuwEinde(verstuurd + inactief);
          if (dialoog.open && !dialoog.querySelector('[data-sessie-staat="inactief"]').hidden) {
            sluit();
          }
        } else {
          alsUitgelogd();
        }
      })
      .catch(function () {
        /* no network: the next try or the timer decides */
      })
      .then(function () {
        bezig = false;
      });
  }

  // Real activity on the page: typing, choosing, clicking.
  function activiteit(gebeurtenis) {
    if (uitgelogd || dialoog.contains(gebeurtenis.target)) {
      return;
    }
    if (Date.now() - (einde - inactief) >= verlengHoogstensElke) {
      verleng();
    }
  }
  ["input", "keydown", "pointerdown"].forEach(function (soort) {
    document.addEventListener(soort, activiteit, true);
  });

  knop("blijven").addEventListener("click", verleng);
  knop("sluiten").addEventListener("click", sluit);

  window.addEventListener("storage", function (gebeurtenis) {
    var waarde = parseInt(gebeurtenis.newValue, 10);
    if (gebeurtenis.key === OPSLAG && waarde > einde) {
      einde = waarde;
      gewaarschuwd = false;
      if (dialoog.open && !uitgelogd) {
        sluit();
      }
    }
  });

  function tik() {
    var nu = Date.now();
    var eersteEinde = Math.min(einde, maximaal);
    if (uitgelogd) {
      return;
    }
    // The server counts whole seconds and ends the session just after the
    // limit: say "logged out" only when it surely is.
    if (nu >= eersteEinde + 2000) {
      alsUitgelogd();
      return;
    }
    if (eersteEinde - nu <= waarschuwing) {
      var staat = maximaal <= einde ? "maximaal" : "inactief";
      dialoog.querySelectorAll("[data-sessie-minuten]").forEach(function (el) {
        el.textContent = minutenTekst(eersteEinde - nu);
      });
      if (!gewaarschuwd) {
        gewaarschuwd = true;
        open(staat, staat === "inactief" ? "blijven" : "sluiten");
      }
    }
  }

  tik();
  window.setInterval(tik, 1000);
})();
