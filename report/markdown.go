package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax"
)

// Markdown writes the report as a readable Markdown document. Article
// content is escaped so that it cannot inject Markdown structure or HTML.
func Markdown(w io.Writer, r *parallax.StoryReport) error {
	mw := &mdWriter{w: w}
	mw.printf("# %s\n\n", escape(r.Title))
	mw.printf("Story %d · storyline %d · %s\n\n", r.ID, r.StorylineID, span(r))
	mw.printf("## Sources\n\n| Outlet | Articles | Independent |\n|---|---:|---|\n")
	for _, s := range r.Sources {
		mw.printf("| %s | %d | %s |\n", escape(s.Name), s.Articles, yesNo(s.Independent))
	}
	mw.printf("\n## Articles\n\n")
	for _, a := range r.Articles {
		mw.printf("- [%d] %s — %s, %s", a.ID, escape(a.Title), escape(a.Source), orUnknown(a.Published))
		if a.DuplicateOf != nil {
			mw.printf(" (copy of [%d])", *a.DuplicateOf)
		}
		// Only web URLs become links: a javascript: URL stays text.
		if u, err := parallax.CanonicalURL(a.URL); err == nil {
			mw.printf(" <%s>", u)
		}
		mw.printf("\n")
	}
	mw.section("Brief", len(r.Brief), func() {
		for _, b := range r.Brief {
			mw.printf("- %s %s\n", escape(b.Text), cites(b.ArticleIDs))
		}
	})
	mw.section("Claims", len(r.Claims), func() {
		for _, c := range r.Claims {
			mw.printf("- **%s** %s %s\n", c.Status, escape(c.Text), cites(c.ArticleIDs))
		}
	})
	mw.section("Conflicts", len(r.Conflicts), func() {
		for _, c := range r.Conflicts {
			kind := ""
			if c.Kind == parallax.ConflictVagueVsPrecise {
				kind = " (vague vs precise)"
			}
			mw.printf("- %s%s:", escape(c.Slot), kind)
			for _, v := range c.Values {
				mw.printf(" %q %s;", v.Value, cites(v.ArticleIDs))
			}
			mw.printf("\n")
		}
	})
	mw.section("Actors and actions", len(r.Actions), func() {
		for _, a := range r.Actions {
			mw.printf("- %s → %s: %s (%s) %s\n", escape(a.Actor), escape(a.Target), a.Class,
				escape(strings.Join(a.Texts, "; ")), cites(a.ArticleIDs))
		}
	})
	mw.section("Framing", len(r.Framing), func() {
		for _, f := range r.Framing {
			mw.printf("- **%s**: %s", escape(f.Source), escape(strings.Join(f.Headlines, " / ")))
			if len(f.LoadedTerms) > 0 {
				mw.printf("; loaded terms: %s", escape(strings.Join(f.LoadedTerms, ", ")))
			}
			if len(f.Omits) > 0 {
				mw.printf("; leaves out %d claim(s) others report", len(f.Omits))
			}
			mw.printf("\n")
		}
	})
	mw.section("Quotes", len(r.Quotes), func() {
		for _, q := range r.Quotes {
			note := ""
			if q.Learned {
				note = " (found by the quote model)"
			}
			mw.printf("- %s: “%s”%s %s\n", escape(q.Speaker), escape(q.Text), note, cites(q.ArticleIDs))
		}
	})
	mw.section("Timeline", len(r.Timeline), func() {
		for _, e := range r.Timeline {
			note := ""
			if e.Background {
				note = ", background"
			}
			if e.Estimated {
				note += ", estimated"
			}
			if e.StoryID != 0 {
				note += fmt.Sprintf(", from related story %d", e.StoryID)
			}
			mw.printf("- %s (%s%s): %s %s\n", e.Date, e.Precision, note, escape(e.Text), cites(e.ArticleIDs))
		}
	})
	mw.section("Entities", len(r.Entities), func() {
		for _, e := range r.Entities {
			mw.printf("- %s (%s), %d mentions\n", escape(e.Name), e.Type, e.Mentions)
		}
	})
	mw.section("Related stories", len(r.Related), func() {
		for _, s := range r.Related {
			mw.printf("- [%d] %s (%d articles)\n", s.ID, escape(s.Title), s.Articles)
		}
	})
	return mw.err
}

type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// section writes a heading and its body, or says the analysis is empty.
func (m *mdWriter) section(title string, n int, body func()) {
	m.printf("\n## %s\n\n", title)
	if n == 0 {
		m.printf("_None yet._\n")
		return
	}
	body()
}

func span(r *parallax.StoryReport) string {
	return orUnknown(r.FirstPublished) + " – " + orUnknown(r.LastPublished)
}

func orUnknown(s *string) string {
	if s == nil {
		return "date unknown"
	}
	return *s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no (copies only)"
}

func cites(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("[%d]", id)
	}
	return strings.Join(parts, "")
}

// escape neutralises Markdown and HTML syntax in article content and keeps
// it on one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "\n", " ", "\r", " ",
)

func escape(s string) string { return mdEscaper.Replace(s) }
