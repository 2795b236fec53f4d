package report

import (
	"context"
	"fmt"

	"github.com/parallax-news/parallax"
)

// Loader reads what a report needs through the service interfaces.
type Loader struct {
	Stories  parallax.StoryService
	Articles parallax.ArticleService
}

// Load builds the report of the story with the given ID or alias.
func (l Loader) Load(ctx context.Context, id int64) (*parallax.StoryReport, error) {
	story, err := l.Stories.FindStoryByID(ctx, id)
	if err != nil {
		return nil, err
	}
	articles, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &story.ID})
	if err != nil {
		return nil, fmt.Errorf("load articles of story %d: %w", story.ID, err)
	}
	storyline, _, err := l.Stories.FindStories(ctx, parallax.StoryFilter{StorylineID: &story.StorylineID, Limit: 100})
	if err != nil {
		return nil, fmt.Errorf("load storyline %d: %w", story.StorylineID, err)
	}
	return Build(story, articles, storyline), nil
}
