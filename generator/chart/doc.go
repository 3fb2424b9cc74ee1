// Package chart draws the site's pictures as inline SVG, at build time, from
// plain input values: no script, no external file, no inline style.
//
// Three pictures:
//
//   - Bars: items per regime as horizontal bars, each bar a link
//     (RenderBars); Counts renders the labelled counts beside it
//     (RenderCounts).
//   - Matrix: who does what at the boundaries, matters × departments, each
//     cell a role (lead, shares, coordinates) drawn as a shape and linking
//     to its division (RenderMatrix). It scrolls in its own box.
//   - Timeline: a procedure's steps with their deadlines (RenderTimeline).
//
// Every picture is an <svg role="img"> named by its <title> and described by
// its <desc>, followed by the same data as an HTML table or list in a
// <details>, so a screen reader, a search engine and a text-only reader get
// everything. A picture's links (a bar to its regime, a cell to its
// division) are in a layer stacked over it, hidden from assistive technology
// and out of the tab order: the children of role="img" are presentational,
// so links may not be inside it, and the same links are in the data.
//
// The package holds no words of either language: every word comes from the
// input or from Labels. Colours pass 4.5:1 on white and never carry meaning
// alone (shapes, patterns and text do); the classes are styled by
// layouts/assets/chart.css. Text widths are estimated (CJK 1em, Latin about
// 0.6em) to size each viewBox. The same input gives the same bytes.
package chart
