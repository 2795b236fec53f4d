package report

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/compare"
)

// Loader reads what a report needs through the service interfaces.
type Loader struct {
	Stories  parallax.StoryService
	Articles parallax.ArticleService
	// Annotations, when set, supplies the articles' annotations, from
	// which the report's entities, quotes and timeline are compared.
	Annotations parallax.AnnotationService
}

// Load builds the report of the story with the given ID or alias.
func (l Loader) Load(ctx context.Context, id int64) (*parallax.StoryReport, error) {
	story, err := l.Stories.FindStoryByID(ctx, id)
	if err != nil {
		return nil, err
	}
	articles, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &story.ID, WithText: l.Annotations != nil})
	if err != nil {
		return nil, fmt.Errorf("load articles of story %d: %w", story.ID, err)
	}
	storyline, _, err := l.Stories.FindStories(ctx, parallax.StoryFilter{StorylineID: &story.StorylineID, Limit: 100})
	if err != nil {
		return nil, fmt.Errorf("load storyline %d: %w", story.StorylineID, err)
	}
	an, err := l.compare(ctx, articles)
	if err != nil {
		return nil, err
	}
	if an.Timeline != nil {
		if an.Timeline, err = l.storylineDates(ctx, story, storyline, an.Timeline); err != nil {
			return nil, err
		}
	}
	return Build(story, articles, storyline, an), nil
}

// maxStorylineArticles bounds the articles of other stories read for the
// storyline's dates.
const maxStorylineArticles = 200

// storylineDates adds to a story's timeline the dates that only the other
// stories of its storyline mention.
func (l Loader) storylineDates(ctx context.Context, story *parallax.Story, storyline []*parallax.Story, own []parallax.TimelineEvent) ([]parallax.TimelineEvent, error) {
	read := 0
	for _, s := range storyline {
		if s.ID == story.ID || read >= maxStorylineArticles {
			continue
		}
		id := s.ID
		articles, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &id, WithText: true, Limit: maxStorylineArticles - read})
		if err != nil {
			return nil, fmt.Errorf("load articles of story %d: %w", s.ID, err)
		}
		read += len(articles)
		in, err := l.inputs(ctx, articles)
		if err != nil {
			return nil, err
		}
		own = compare.AddRelated(own, s.ID, compare.Timeline(in))
	}
	return own, nil
}

// compare compares the articles that have a current annotation.
func (l Loader) compare(ctx context.Context, articles []*parallax.Article) (compare.Analysis, error) {
	in, err := l.inputs(ctx, articles)
	if err != nil {
		return compare.Analysis{}, err
	}
	if l.Annotations == nil {
		return compare.Analysis{}, nil
	}
	return compare.Compare(in), nil
}

// inputs pairs articles with their current annotations; articles not
// annotated yet, or annotated from older text, are left out.
func (l Loader) inputs(ctx context.Context, articles []*parallax.Article) ([]compare.Input, error) {
	if l.Annotations == nil || len(articles) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	anns, err := l.Annotations.FindAnnotations(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("load annotations: %w", err)
	}
	var in []compare.Input
	for _, a := range articles {
		ann, ok := anns[a.ID]
		if !ok || ann.ContentHash != a.ContentHash {
			continue
		}
		var x analyze.Annotation
		if err := json.Unmarshal(ann.Data, &x); err != nil {
			return nil, fmt.Errorf("read annotation of article %d: %w", a.ID, err)
		}
		x.Expand(a.Text)
		in = append(in, compare.Input{Article: a, Annotation: x})
	}
	return in, nil
}
