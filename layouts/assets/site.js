// Conveniences only: every page reads fully without this script.
(function () {
  "use strict";
  var doc = document.documentElement;
  var zh = doc.lang === "zh-CN";
  var store = {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // Large text, independent of browser and system settings (适老化).
  if (store.get("qd-large") === "1") doc.classList.add("large");

  document.addEventListener("DOMContentLoaded", function () {
    // The language switch keeps the place on the page: #item-12 stays #item-12.
    var sw = document.querySelector("[data-keep-hash]");
    if (sw) {
      sw.addEventListener("click", function () {
        if (location.hash) sw.href = sw.href.split("#")[0] + location.hash;
      });
    }

    var tools = document.querySelector(".site-header .tools");
    if (!tools) return;

    var big = document.createElement("button");
    big.type = "button";
    big.className = "tool-button";
    big.textContent = zh ? "大字" : "Large text";
    big.setAttribute("aria-pressed", doc.classList.contains("large") ? "true" : "false");
    big.addEventListener("click", function () {
      var on = doc.classList.toggle("large");
      big.setAttribute("aria-pressed", on ? "true" : "false");
      store.set("qd-large", on ? "1" : "0");
    });
    // Before the language switch, so that the switch never moves under a
    // reader's finger while the page loads.
    var first = tools.firstChild;
    tools.insertBefore(big, first);

    // Read the page's main text aloud, with a switch to stop (适老化).
    if ("speechSynthesis" in window) {
      var say = document.createElement("button");
      say.type = "button";
      say.className = "tool-button";
      var label = function (on) { say.textContent = on ? (zh ? "停止朗读" : "Stop reading") : (zh ? "朗读" : "Read aloud"); };
      label(false);
      say.setAttribute("aria-pressed", "false");
      say.addEventListener("click", function () {
        if (speechSynthesis.speaking) {
          speechSynthesis.cancel();
          label(false);
          say.setAttribute("aria-pressed", "false");
          return;
        }
        var main = document.getElementById("main");
        var u = new SpeechSynthesisUtterance(main ? main.innerText : "");
        u.lang = doc.lang;
        u.onend = function () { label(false); say.setAttribute("aria-pressed", "false"); };
        speechSynthesis.speak(u);
        label(true);
        say.setAttribute("aria-pressed", "true");
      });
      tools.insertBefore(say, first);
    }
  });
})();
