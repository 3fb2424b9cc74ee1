// Package serve is qingdan serve: the publisher's live preview of the
// content, and a careful static server of a built site.
//
// # The preview
//
// qingdan serve (make serve) builds the site in memory with a
// site.Builder, never touching public/, and serves it (Preview). It
// watches content/ and layouts/ and every folder under them (package
// fsnotify; Watch), waits until they have been still for Debounce, and
// builds again, telling the Builder the paths that changed
// (Preview.RebuildChanged; when the watcher may have missed some, nothing,
// and every file is read again): only the departments they touch are read
// again, only the pages whose inputs changed are rendered again, a
// change in layouts/ renders them all, and the result equals a whole build.
// As soon as the pages are rendered they are served, beside the last
// build's search bundle and open data until those are made again
// (site.Builder.BuildPagesFirst), and every open page reloads: each HTML page the preview serves carries
// one <script src="/__qingdan/reload.js" defer> before </body>, which
// listens to /__qingdan/events (Server-Sent Events, one "reload" event a
// build). The script is the preview's own file, added while serving only;
// a built site never has it, and a page reads the same without it.
//
// When an edit breaks the content or the layouts, the preview keeps
// serving the last good site, and every HTML page it serves shows the
// problems at the top of its <main>, each as file:line:column: message
// (HTML-escaped), with /__qingdan/errors.css to set them apart. When they
// are fixed the next build clears them, and the pages reload.
//
// If the very first build fails, there is no site to show: qingdan serve
// prints the problems as qingdan build does and exits with status 1
// without listening, so the publisher fixes them and starts it again.
//
// # The careful server
//
// Static serves a Source — the preview's site in memory (Files), or with
// qingdan serve -public DIR a built site's folder (Dir) — and nothing else:
//
//   - GET and HEAD only; any other method is 405 with Allow: GET, HEAD;
//   - a folder is served by its index.html (a URL without its final slash
//     is redirected to it); a folder without one is not found: never a
//     listing;
//   - what is not found is the site's 404.html with status 404;
//   - nothing outside the site's root: Dir opens the folder with
//     os.OpenRoot, so neither a name with .. nor a symbolic link inside
//     the folder leads out of it (a link that does is not found), and only
//     regular files are served; the marker of a build is not served;
//   - each file with its media type by extension (ContentType: .html, .css,
//     .js, .json, .svg, .xml, .txt, .csv, .xlsx, …) and nosniff;
//   - NewServer sets every timeout of http.Server (ReadHeaderTimeout,
//     ReadTimeout, WriteTimeout, IdleTimeout) and a small header limit;
//     only the preview's event streams lift their write deadline.
//
// qingdan serve -public DIR refuses to start when DIR holds no built site:
// no index.html, or not the marker (site.Marker) a Qingdan build writes.
package serve
