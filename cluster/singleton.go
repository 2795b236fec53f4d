// Package cluster assigns articles to stories and stories to storylines.
// It is pure: articles in, assignments out.
package cluster

import "github.com/parallax-news/parallax"

// Singleton puts every article in a story and storyline of its own: the
// baseline that clustering is measured against, and an assigner for tests
// that need stories without clustering.
type Singleton struct{}

// Assign returns one new story and storyline per article, named by its
// title and identified by its ID.
func (Singleton) Assign(articles []*parallax.Article) []parallax.Assignment {
	out := make([]parallax.Assignment, 0, len(articles))
	for _, a := range articles {
		out = append(out, parallax.Assignment{
			ArticleID: a.ID, StoryID: a.ID, StorylineID: a.ID, Title: a.Title,
		})
	}
	return out
}
