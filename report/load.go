package report

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

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
	// Cache, when set, keeps each story's comparison, so that a story is
	// compared again only when its articles, their annotations or the
	// other stories of its storyline changed.
	Cache parallax.AnalysisService
}

// Load builds the report of the story with the given ID or alias.
func (l Loader) Load(ctx context.Context, id int64) (*parallax.StoryReport, error) {
	snap, err := l.Snapshot(ctx, id)
	if err != nil {
		return nil, err
	}
	return l.Report(ctx, snap)
}

// Snapshot is what a story's report is computed from, read without the
// articles' texts and without comparing anything: enough to tell whether
// a report made earlier is still current.
type Snapshot struct {
	Story     *parallax.Story
	articles  []*parallax.Article
	storyline []*parallax.Story
	related   []relatedStory
	// fingerprint names the inputs of the comparison (see fingerprint).
	fingerprint string
	// Key names everything the report shows: two snapshots with one key
	// give the same report.
	Key string
}

// Snapshot reads the story with the given ID or alias, its articles and
// its storyline, and names them.
func (l Loader) Snapshot(ctx context.Context, id int64) (*Snapshot, error) {
	story, err := l.Stories.FindStoryByID(ctx, id)
	if err != nil {
		return nil, err
	}
	articles, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &story.ID, NoTotal: true})
	if err != nil {
		return nil, fmt.Errorf("load articles of story %d: %w", story.ID, err)
	}
	storyline, _, err := l.Stories.FindStories(ctx, parallax.StoryFilter{StorylineID: &story.StorylineID, Limit: 100})
	if err != nil {
		return nil, fmt.Errorf("load storyline %d: %w", story.StorylineID, err)
	}
	snap := &Snapshot{Story: story, articles: articles, storyline: storyline}
	if snap.related, err = l.related(ctx, story, storyline, false); err != nil {
		return nil, err
	}
	if snap.fingerprint, err = l.fingerprint(ctx, articles, snap.related); err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", snap.fingerprint)
	for _, st := range append([]*parallax.Story{story}, storyline...) {
		fmt.Fprintf(h, "%d %d %q %d %d %d %d\n", st.ID, st.StorylineID, st.Title, st.Articles, st.Sources,
			st.FirstPublished.UnixNano(), st.LastPublished.UnixNano())
	}
	for _, a := range articles {
		// what the report lists of each article beyond the fingerprint
		fmt.Fprintf(h, "%d %q %q %q %q %s\n", a.ID, a.ExternalID, a.Title, a.URL, a.Language, a.PublishedPrecision)
	}
	snap.Key = hex.EncodeToString(h.Sum(nil))
	return snap, nil
}

// Report builds the report of a snapshot, comparing its articles unless
// the cache holds a comparison of the same inputs.
func (l Loader) Report(ctx context.Context, snap *Snapshot) (*parallax.StoryReport, error) {
	an, err := l.analyze(ctx, snap.Story, snap.storyline, snap.fingerprint)
	if err != nil {
		return nil, err
	}
	return Build(snap.Story, snap.articles, snap.storyline, an), nil
}

// analyze returns the comparison of a story's articles, from the cache
// when nothing it depends on (named by fp) has changed since it was
// computed.
func (l Loader) analyze(ctx context.Context, story *parallax.Story, storyline []*parallax.Story, fp string) (compare.Analysis, error) {
	if l.Annotations == nil {
		return compare.Analysis{}, nil
	}
	if l.Cache != nil {
		cached, data, err := l.Cache.FindAnalysis(ctx, story.ID)
		if err != nil && parallax.ErrorCode(err) != parallax.ENOTFOUND {
			return compare.Analysis{}, err
		}
		var an compare.Analysis
		if err == nil && cached == fp && json.Unmarshal(data, &an) == nil {
			return an, nil
		}
	}
	withText, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &story.ID, WithText: true, NoTotal: true})
	if err != nil {
		return compare.Analysis{}, fmt.Errorf("load articles of story %d: %w", story.ID, err)
	}
	in, err := l.inputs(ctx, withText)
	if err != nil {
		return compare.Analysis{}, err
	}
	an := compare.Compare(in)
	if an.Timeline != nil {
		related, err := l.related(ctx, story, storyline, true)
		if err != nil {
			return compare.Analysis{}, err
		}
		for _, r := range related {
			in, err := l.inputs(ctx, r.articles)
			if err != nil {
				return compare.Analysis{}, err
			}
			an.Timeline = compare.AddRelated(an.Timeline, r.id, compare.Timeline(in))
		}
	}
	if l.Cache != nil {
		data, err := json.Marshal(an)
		if err != nil {
			return compare.Analysis{}, fmt.Errorf("cache analysis of story %d: %w", story.ID, err)
		}
		if err := l.Cache.PutAnalysis(ctx, story.ID, fp, data); err != nil {
			return compare.Analysis{}, err
		}
	}
	return an, nil
}

// relatedStory is another story of a storyline with the articles whose
// dates its timeline adds.
type relatedStory struct {
	id       int64
	articles []*parallax.Article
}

// related returns the other stories of the storyline with their
// articles, at most maxStorylineArticles in all.
func (l Loader) related(ctx context.Context, story *parallax.Story, storyline []*parallax.Story, withText bool) ([]relatedStory, error) {
	var out []relatedStory
	read := 0
	for _, s := range storyline {
		if s.ID == story.ID || read >= maxStorylineArticles {
			continue
		}
		id := s.ID
		articles, _, err := l.Articles.FindArticles(ctx, parallax.ArticleFilter{StoryID: &id, WithText: withText, Limit: maxStorylineArticles - read, NoTotal: true})
		if err != nil {
			return nil, fmt.Errorf("load articles of story %d: %w", s.ID, err)
		}
		read += len(articles)
		out = append(out, relatedStory{s.ID, articles})
	}
	return out, nil
}

// fingerprint names what a story's analysis is computed from: the code,
// and each article of the story and of the related stories with its
// text's hash and its annotation's stamp.
func (l Loader) fingerprint(ctx context.Context, articles []*parallax.Article, related []relatedStory) (string, error) {
	all := append([]*parallax.Article(nil), articles...)
	for _, r := range related {
		all = append(all, r.articles...)
	}
	ids := make([]int64, len(all))
	for i, a := range all {
		ids[i] = a.ID
	}
	stamps := map[int64]string{}
	if l.Annotations != nil {
		var err error
		if stamps, err = l.Annotations.AnnotationStamps(ctx, ids); err != nil {
			return "", err
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "compare %s analyze %s\n", compare.Version, analyze.Version)
	write := func(story int64, as []*parallax.Article) {
		fmt.Fprintf(h, "story %d\n", story)
		for _, a := range as {
			fmt.Fprintf(h, "%d %s %s %q %d %s\n", a.ID, a.ContentHash, a.Published.Format(time.RFC3339), a.Source, a.DuplicateOf, stamps[a.ID])
		}
	}
	write(0, articles)
	for _, r := range related {
		write(r.id, r.articles)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// maxStorylineArticles bounds the articles of other stories read for the
// storyline's dates.
const maxStorylineArticles = 200

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
