// Command parallax is the Parallax news story engine: it ingests articles,
// groups them into stories, and serves what every outlet says side by side.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/parallax-news/parallax"
)

// env is what a command may touch of the outside world, so that tests can
// run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// ready, when set, receives the URL a server listens on.
	ready func(url string)
}

type command struct {
	name, args, help string
	run              func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "[--db DSN] PATH|URL|-…", "ingest files, directories (recursively), WARC archives, feed or page URLs, or JSONL on stdin, then assign stories", runIngest},
		{"sources", "add|list|remove|import|export …", "manage the feeds, sitemaps and URL lists to collect from (OPML in and out)", runSources},
		{"collect", "[--db DSN] [--once]", "collect new articles from the sources, each at its interval", runCollect},
		{"worker", "--db postgres://… [--name NAME]", "work on a shared PostgreSQL database: run queued jobs, collect, and lead clustering when elected", runWorker},
		{"jobs", "[--db DSN] [--json]", "show the job queue of the workers", runJobs},
		{"token", "[--db DSN] --rotate", "make a new API write token (serve makes the first one)", runToken},
		{"migrate", "[--db DSN]", "create or update the database schema, and print its version", runMigrate},
		{"export", "[--db DSN] [--out FILE]", "write every article (as stored, with its key) and source as JSONL, for import into another database", runExport},
		{"import", "[--db DSN] FILE|-", "read an export into this database, then assign stories; importing again changes nothing", runImport},
		{"articles", "[--db DSN] [--json] [--with-text] [--story ID] [--source NAME]", "list stored articles", runArticles},
		{"stories", "[--db DSN] [--json]", "list stories, most recent first", runStories},
		{"story", "[--db DSN] ID [--json|--markdown]", "show one story (Markdown by default)", runStory},
		{"serve", "[--db DSN] [--addr 127.0.0.1:8080]", "serve the web UI and /api/v1", runServe},
		{"demo", "[--addr 127.0.0.1:8080]", "load the built-in sample corpus into a temporary database and serve it", runDemo},
		{"extract", "[--url URL] [--html] FILE|-", "extract one page or text and print the article as JSON", runExtract},
		{"annotate", "[--published DATE] [--lang xx] FILE|-", "annotate a text: sentences, entities, quotes, time expressions, numbers (JSON)", runAnnotate},
		{"loadtest", "[--clients 32] [--duration 10s] URL…", "measure a server under a bounded load: requests/s and latency percentiles (JSON)", runLoadtest},
		{"bench", "[--articles 20000] [--pages 1000] [--active 10000]", "measure speed and memory on a synthetic stream: ingest, clustering, story builds, API latency (JSON)", runBench},
		{"eval", "KIND DATA", "measure a stage against gold labels; KIND: extraction, clustering, temporal, quotes", runEval},
		{"train", "quotes DIR [--out FILE]", "fit the quote model to annotated news in brat files (PolNeAR's layout) and write it", runTrain},
	}
}

// errUsage marks a command line that could not be understood; the message
// has been printed already.
var errUsage = errors.New("usage")

// errNothingIngested is returned when every input failed.
var errNothingIngested = errors.New("nothing could be ingested")

// defaultMemoryLimit is the soft limit on the memory the Go runtime uses,
// which Parallax sets unless GOMEMLIMIT sets one. The clusterer keeps
// the stories of its window in memory, about 1 KB per active article, and
// without a limit the garbage collector lets the heap grow to three times
// what is live between collections (defaultGCPercent). Under the limit it
// collects more often instead. Past it, with more than about a million articles in the
// window, it collects ever more often (up to half the CPU): raise
// GOMEMLIMIT there, or set it to "off".
const defaultMemoryLimit = 1536 << 20

// defaultGCPercent is the garbage collector's GOGC that Parallax sets
// unless GOGC sets one: a collection when the heap has grown to three
// times what is live, not twice. Measured in alternating runs: ingesting
// 3,000 synthetic pages 3.57, 3.37 -> 3.08, 3.13 s, and 20,000 text
// articles 12.0, 11.3 -> 11.0, 10.7 s, at 60-90 MB more peak RSS. The
// memory limit bounds the heap of a large window either way.
const defaultGCPercent = 200

// tuneGC sets defaultGCPercent and defaultMemoryLimit unless GOGC and
// GOMEMLIMIT, as getenv reads them, set their own.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}

func main() {
	tuneGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, e *env, args []string) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(e.stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
			return 2
		case errors.Is(err, errNothingIngested):
			return 1
		}
		fmt.Fprintf(e.stderr, "parallax %s: %s\n", c.name, errorText(err))
		return 1
	}
	fmt.Fprintf(e.stderr, "parallax: unknown command %q\n\n", args[0])
	usage(e.stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Parallax groups news articles into stories and shows what every outlet says, side by side.")
	fmt.Fprintln(w, "\nUsage: parallax COMMAND [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n  %-9s   %s\n", c.name, c.args, "", c.help)
	}
	fmt.Fprintln(w, "\nThe database is --db DSN, else $PARALLAX_DB, else ./parallax.db.")
	fmt.Fprintln(w, "DSN: a file path or sqlite:PATH for SQLite; postgres://user@host:5432/db?sslmode=disable for PostgreSQL.")
}

// newFlags returns a flag set for a command that prints its errors and
// usage to e.stderr.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: parallax %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// noArgs parses flags for a command that takes no positional arguments.
func noArgs(fs *flag.FlagSet, args []string) error {
	_, err := exactArgs(fs, args, 0)
	return err
}

// exactArgs parses args and returns the positional arguments, printing
// the usage when there are not exactly n of them.
func exactArgs(fs *flag.FlagSet, args []string, n int) ([]string, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != n {
		fs.Usage()
		return nil, errUsage
	}
	return pos, nil
}

// parse parses flags that may come before, between or after the positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// errorText is the message for a failed command: a user-facing error shows
// its message alone, anything else its whole chain.
func errorText(err error) string {
	var pe *parallax.Error
	if errors.As(err, &pe) {
		return pe.Message
	}
	return err.Error()
}
