// Conveniences only: every page reads fully without this script. The tool
// buttons are in the page, hidden in a slot that keeps their space (see
// site.css), so that showing them moves nothing.
(function () {
  "use strict";
  var doc = document.documentElement;
  var store = {
    get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } }
  };

  // Large text, independent of browser and system settings (适老化).
  if (store.get("qd-large") === "1") doc.classList.add("large");

  // How long to wait for the browser's voices before saying there are none.
  var voiceWait = 1000;

  document.addEventListener("DOMContentLoaded", function () {
    keepHash();
    printDate();
    menuEscape();
    var tools = document.querySelector(".site-header .tools");
    if (!tools) return;
    largeText(tools.querySelector("[data-tool=large]"));
    readAloud(tools.querySelector("[data-tool=read]"), document.getElementById("read-note"), function () {
      tools.setAttribute("data-ready", "");
    });
  });

  // The language switch keeps the place on the page: #item-12 stays #item-12.
  function keepHash() {
    var sw = document.querySelector("[data-keep-hash]");
    if (!sw) return;
    sw.addEventListener("click", function () {
      if (location.hash) sw.href = sw.href.split("#")[0] + location.hash;
    });
  }

  // Escape closes the phone menu (a <details>), and focus goes back to its
  // summary.
  function menuEscape() {
    var menu = document.querySelector(".site-header .menu");
    if (!menu) return;
    menu.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || !menu.open) return;
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  }

  // A printed page says when it was printed (the footer names the organizer
  // and the page's address without script).
  function printDate() {
    var p = document.querySelector("[data-print-date]");
    if (!p) return;
    window.addEventListener("beforeprint", function () {
      p.lastElementChild.textContent = new Date().toLocaleDateString(doc.lang, { year: "numeric", month: "long", day: "numeric" });
      p.hidden = false;
    });
  }

  function largeText(big) {
    if (!big) return;
    big.setAttribute("aria-pressed", doc.classList.contains("large") ? "true" : "false");
    big.addEventListener("click", function () {
      var on = doc.classList.toggle("large");
      big.setAttribute("aria-pressed", on ? "true" : "false");
      store.set("qd-large", on ? "1" : "0");
    });
    big.hidden = false;
  }

  // Read the page's main text aloud, with a switch to stop (适老化). Without
  // a voice for the page's language the button shows disabled, with a note.
  function readAloud(say, note, done) {
    if (!say) { done(); return; }
    var label = say.textContent, stop = say.getAttribute("data-stop");
    var synth = window.speechSynthesis;
    var set = function (on) {
      say.textContent = on ? stop : label;
      say.setAttribute("aria-pressed", on ? "true" : "false");
    };
    var voice = null, timedOut = !synth;
    var pick = function () {
      var lang = doc.lang.toLowerCase(), base = lang.split("-")[0], near = null;
      var voices = synth ? synth.getVoices() : [];
      for (var i = 0; i < voices.length; i++) {
        var l = (voices[i].lang || "").toLowerCase().replace("_", "-");
        if (l === lang) return voices[i];
        if (!near && l.split("-")[0] === base) near = voices[i];
      }
      return near;
    };
    // Called when the voices change, and once the wait is over: voices may
    // still come after it, and then the button turns on.
    var settle = function () {
      voice = pick();
      if (!voice && !timedOut) return;
      say.disabled = !voice;
      note.hidden = !!voice;
      if (voice) say.removeAttribute("aria-describedby");
      else say.setAttribute("aria-describedby", note.id);
      if (say.hidden) {
        say.hidden = false;
        done();
      }
    };
    if (synth) {
      if (synth.addEventListener) synth.addEventListener("voiceschanged", settle);
      setTimeout(function () { timedOut = true; settle(); }, voiceWait);
    }
    settle();
    say.addEventListener("click", function () {
      if (synth.speaking) {
        synth.cancel();
        set(false);
        return;
      }
      var u = new SpeechSynthesisUtterance(mainText());
      u.lang = doc.lang;
      u.voice = voice;
      u.onend = u.onerror = function () { set(false); };
      synth.speak(u);
      set(true);
    });
    window.addEventListener("pagehide", function () { if (synth && synth.speaking) synth.cancel(); });
  }

  // The text of the page's main part as it shows, without what is there only
  // to be clicked: the "#12" anchors and whatever else is marked data-noread.
  function mainText() {
    var main = document.getElementById("main");
    if (!main) return "";
    doc.classList.add("reading");
    var text = main.innerText;
    doc.classList.remove("reading");
    return text;
  }
})();
