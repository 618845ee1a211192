(function () {
  var sev = document.getElementById("f-severity");
  var rule = document.getElementById("f-rule");
  var doc = document.getElementById("f-doc");
  var shown = document.getElementById("shown");
  function apply() {
    var n = 0;
    document.querySelectorAll("article.finding").forEach(function (a) {
      var ok = (!sev.value || a.dataset.severity === sev.value) &&
               (!rule.value || a.dataset.rule === rule.value) &&
               (!doc.value || a.dataset.docs.split("\n").indexOf(doc.value) >= 0);
      a.hidden = !ok;
      if (ok) { n += 1; }
    });
    document.querySelectorAll("section.severity").forEach(function (s) {
      s.hidden = !s.querySelector("article.finding:not([hidden])");
    });
    shown.textContent = n + " shown";
  }
  [sev, rule, doc].forEach(function (el) { el.addEventListener("change", apply); });
  apply();
})();
