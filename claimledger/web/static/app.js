// claimledger web UI: the only script, served from /static (CSP script-src 'self').
// It emphasises the claim named in the URL fragment (#claim-N) and the claim under the pointer;
// pages work without it (CSS :target already highlights the sentence).
"use strict";

(function () {
  const CLAIM = /^#claim-(\d+)$/;

  function parts(id) {
    return document.querySelectorAll('[data-claims~="' + id + '"]');
  }

  function mark(id, cls, on) {
    parts(id).forEach(function (el) { el.classList.toggle(cls, on); });
  }

  function showTarget() {
    document.querySelectorAll(".is-target").forEach(function (el) { el.classList.remove("is-target"); });
    const m = CLAIM.exec(window.location.hash);
    if (!m) { return; }
    mark(m[1], "is-target", true);
    const item = document.getElementById("item-claim-" + m[1]);
    if (item) {
      item.scrollIntoView({ block: "nearest" });
    }
    const anchor = document.getElementById("claim-" + m[1]);
    if (anchor) {
      anchor.scrollIntoView({ block: "center" });
    }
  }

  function hover(event, on) {
    const item = event.target.closest && event.target.closest(".claim-list > li, .claim-list.nested > li");
    if (item && item.dataset.claims) {
      mark(item.dataset.claims, "is-hover", on);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    showTarget();
    const list = document.querySelector(".claim-side");
    if (list) {
      list.addEventListener("mouseover", function (e) { hover(e, true); });
      list.addEventListener("mouseout", function (e) { hover(e, false); });
      list.addEventListener("focusin", function (e) { hover(e, true); });
      list.addEventListener("focusout", function (e) { hover(e, false); });
    }
  });
  window.addEventListener("hashchange", showTarget);
})();
