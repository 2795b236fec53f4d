package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"text/tabwriter"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/report"
)

// pageSize is how many rows listings read per query, so that listing a
// large store streams instead of loading everything.
const pageSize = 1000

func runArticles(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "articles", "[--db DSN] [--json] [--with-text] [--story ID] [--source NAME]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "one JSON object per line")
	withText := fs.Bool("with-text", false, "include the article text (JSON only)")
	storyID := fs.Int64("story", 0, "only articles of this story")
	source := fs.String("source", "", "only articles of this outlet")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	f := parallax.ArticleFilter{WithText: *withText && *asJSON, Limit: pageSize}
	if *storyID != 0 {
		f.StoryID = storyID
	}
	if *source != "" {
		f.Source = source
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "ID\tSTORY\tPUBLISHED\tSOURCE\tTITLE")
	}
	err = parallax.EachArticlePage(ctx, st.articles, f, func(articles []*parallax.Article) error {
		for _, a := range articles {
			if *asJSON {
				if err := enc.Encode(report.NewArticleRecord(a, *withText)); err != nil {
					return fmt.Errorf("write article %d: %w", a.ID, err)
				}
				continue
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", a.ID, idOrDash(a.StoryID), dateOrDash(a), a.Source, a.Title)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tw.Flush()
}

func idOrDash(id int64) string {
	if id == 0 {
		return "-"
	}
	return strconv.FormatInt(id, 10)
}

func dateOrDash(a *parallax.Article) string {
	if a.Published.IsZero() {
		return "-"
	}
	return a.Published.Format("2006-01-02")
}

func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories", "[--db DSN] [--json]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "one JSON object per line")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if !*asJSON {
		fmt.Fprintln(tw, "ID\tARTICLES\tSOURCES\tLAST PUBLISHED\tTITLE")
	}
	f := parallax.StoryFilter{Limit: pageSize}
	for {
		stories, _, err := st.stories.FindStories(ctx, f)
		if err != nil {
			return err
		}
		for _, s := range stories {
			if *asJSON {
				if err := enc.Encode(report.NewStoryRecord(s)); err != nil {
					return fmt.Errorf("write story %d: %w", s.ID, err)
				}
				continue
			}
			last := "-"
			if !s.LastPublished.IsZero() {
				last = s.LastPublished.Format("2006-01-02")
			}
			fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\n", s.ID, s.Articles, s.Sources, last, s.Title)
		}
		if len(stories) < f.Limit {
			break
		}
		f.Offset += len(stories)
	}
	return tw.Flush()
}

func runStory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "story", "[--db DSN] ID [--json|--markdown]")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the story report as JSON")
	fs.Bool("markdown", true, "print the story report as Markdown (the default)")
	pos, err := exactArgs(fs, args, 1)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("invalid story ID %q", pos[0])
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.loader().Load(ctx, id)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	return report.Markdown(e.stdout, rep)
}
