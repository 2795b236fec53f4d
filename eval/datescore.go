package eval

import (
	"time"

	"github.com/parallax-news/parallax/extract"
)

// DateScore counts, over pages whose URL holds a date, how often the
// extracted publication date falls on that day (in the date's own time
// zone, as the URL is written in the publisher's).
type DateScore struct {
	Pages    int     `json:"pages"`
	Matching int     `json:"matching"`
	Accuracy float64 `json:"accuracy"`
}

// Add scores one page.
func (s *DateScore) Add(pageURL string, published time.Time) {
	want, ok := extract.URLDate(pageURL)
	if !ok {
		return
	}
	s.Pages++
	if !published.IsZero() && published.Format(time.DateOnly) == want.Format(time.DateOnly) {
		s.Matching++
	}
	s.Accuracy = float64(s.Matching) / float64(s.Pages)
}
