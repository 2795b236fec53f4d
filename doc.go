// Package parallax is the domain vocabulary of the Parallax news story engine:
// sources, articles, stories and storylines, the reports built from them, and
// the small service interfaces that the stores implement.
//
// The data flows through packages named for their stage:
//
//	input    → files, JSONL and news-please JSON decoded into Articles
//	pipeline → store what is new, then assign it to stories
//	cluster  → story assignment (pure)
//	report   → story report JSON and Markdown (pure)
//	sqlite   → the embedded store
//	server   → web UI and /api/v1
//
// This package imports only the standard library.
package parallax
