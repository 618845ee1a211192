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
    shown.textContent = shown.dataset.label.replace("{count}", n);
  }
  [sev, rule, doc].forEach(function (el) { el.addEventListener("change", apply); });
  apply();

  // A figure of the document view outlines the other figures of its findings.
  function relate(fig, on) {
    (fig.dataset.related || "").split(" ").forEach(function (id) {
      var other = id && document.getElementById(id);
      if (other) { other.classList.toggle("related", on); }
    });
  }
  document.querySelectorAll("a.fig").forEach(function (fig) {
    ["mouseenter", "focus"].forEach(function (e) { fig.addEventListener(e, function () { relate(fig, true); }); });
    ["mouseleave", "blur"].forEach(function (e) { fig.addEventListener(e, function () { relate(fig, false); }); });
  });
  // A link to a finding the filters hide shows it first.
  document.querySelectorAll("a[href^='#finding-']").forEach(function (link) {
    link.addEventListener("click", function () {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target && target.hidden) { sev.value = ""; rule.value = ""; doc.value = ""; apply(); }
    });
  });
})();
