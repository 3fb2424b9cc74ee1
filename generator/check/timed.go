package check

import (
	"time"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// Timing is how long a check spent on the content rules and on building
// and checking the record graph.
type Timing struct{ Rules, Graph time.Duration }

// Timed is Check, or with draft Draft, that also says how long each half
// took (for a build's summary).
func Timed(c *content.Content, draft bool, tm *Timing) (*graph.Graph, content.Errors, error) {
	return run(c, draft, tm)
}
