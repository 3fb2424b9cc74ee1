// Qingdan's preview (qingdan serve) adds this script to the pages it
// serves, never to a built site: it reloads the page when the site has been
// built again, after an edit of content/ or layouts/.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource("/__qingdan/events");
  events.addEventListener("reload", function () {
    window.location.reload();
  });
}());
