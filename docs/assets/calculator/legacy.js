/*
 * For browsers without JavaScript modules (they skip widget.js, a module, and run this
 * nomodule script instead): say that live calculation needs a newer browser. The
 * server-rendered result stays. ES5 only.
 */
(function () {
  var roots = document.querySelectorAll("[data-calculator][data-state]");
  var wechat = /MicroMessenger/i.test(navigator.userAgent); // wording only
  for (var i = 0; i < roots.length; i++) {
    var root = roots[i];
    root.setAttribute("data-state", "error");
    root.setAttribute("data-fallback-reason", "no-modules");
    var box = root.querySelector(".calc-fallback");
    if (!box) continue;
    var texts = box.querySelectorAll(".calc-fallback-text");
    for (var j = 0; j < texts.length; j++) {
      var variant = texts[j].getAttribute("data-variant");
      if ((variant === "wechat") === wechat) texts[j].removeAttribute("hidden");
      else texts[j].setAttribute("hidden", "");
    }
    box.removeAttribute("hidden");
  }
})();
