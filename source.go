package parallax

import "context"

// Source is an outlet: a site or publisher that articles come from.
type Source struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Domain   string `json:"domain,omitempty"`
	Country  string `json:"country,omitempty"`
	Language string `json:"language,omitempty"`
	Articles int    `json:"articles"`
}

// SourceFilter selects sources. Zero values select everything.
type SourceFilter struct {
	ID     *int64
	Name   *string
	Offset int
	Limit  int
}

// SourceService reads outlets. Sources are created as a side effect of
// storing articles.
type SourceService interface {
	FindSources(ctx context.Context, filter SourceFilter) ([]*Source, int, error)
}
