package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax"
)

// codeOnly elements never hold text, even in content the library kept.
var codeOnly = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true}

// skipped elements hold no article text when reading a whole page.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Svg: true, atom.Iframe: true, atom.Head: true,
}

// blocks end a paragraph of text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true,
	atom.Tr: true, atom.Section: true, atom.Article: true, atom.Pre: true, atom.Td: true,
	atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Main: true,
}

// blockTexts returns the text of the blocks under root, in order, skipping
// the elements in skip. It walks without recursion.
func blockTexts(root *html.Node, skip map[atom.Atom]bool) []string {
	var pb paragraphs
	n := root
	for n != nil {
		descend := true
		switch n.Type {
		case html.ElementNode:
			if skip[n.DataAtom] {
				descend = false
			} else if blocks[n.DataAtom] || n.Data == "head" {
				pb.flush()
			}
		case html.TextNode:
			pb.write(n.Data)
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			if n != nil && n.Type == html.ElementNode && (blocks[n.DataAtom] || n.Data == "head") {
				pb.flush()
			}
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	pb.flush()
	return pb.out
}

// paragraphs collects text into paragraphs with collapsed whitespace.
type paragraphs struct {
	out []string
	cur strings.Builder
}

func (p *paragraphs) write(s string) {
	p.cur.WriteString(s)
	p.cur.WriteByte(' ')
}

func (p *paragraphs) flush() {
	if s := strings.Join(strings.Fields(p.cur.String()), " "); s != "" {
		p.out = append(p.out, s)
	}
	p.cur.Reset()
}

// tokenTexts reads the text of a document as a token stream, for
// documents the tree parser refuses. Memory and time are linear in the
// input whatever its nesting.
func tokenTexts(src string) []string {
	var pb paragraphs
	z := html.NewTokenizer(strings.NewReader(src))
	skipDepth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			pb.flush()
			return pb.out
		case html.TextToken:
			if skipDepth == 0 {
				pb.write(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] && a != atom.Br {
				skipDepth++
			} else if blocks[a] {
				pb.flush()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipped[a] && skipDepth > 0 {
				skipDepth--
			} else if blocks[a] {
				pb.flush()
			}
		}
	}
}

// find returns the first element matching ok, in document order.
func find(root *html.Node, ok func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(root, func(n *html.Node) bool {
		if found == nil && n.Type == html.ElementNode && ok(n) {
			found = n
		}
		return found == nil
	})
	return found
}

// walk visits the nodes in document order until visit returns false,
// without recursion.
func walk(root *html.Node, visit func(*html.Node) bool) {
	for n := root; n != nil; {
		if !visit(n) {
			return
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil && n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == nil || n == root {
			return
		}
		n = n.NextSibling
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

func titleOf(doc *html.Node) string {
	if h1 := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
		if t := textOf(h1); t != "" {
			return t
		}
	}
	if t := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
		return textOf(t)
	}
	return ""
}

// dateMethod says where a date string found by go-htmldate came from: the
// URL, the page's metadata (meta tags, JSON-LD, time elements), or its
// visible text.
func dateMethod(doc *html.Node, pageURL, src string) string {
	src = strings.TrimSpace(src)
	if src == "" {
		return parallax.PublishedMetadata
	}
	if strings.Contains(pageURL, src) {
		return parallax.PublishedURL
	}
	inMeta := find(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Meta, atom.Time, atom.Abbr:
			for _, a := range n.Attr {
				if strings.Contains(a.Val, src) {
					return true
				}
			}
		case atom.Script:
			return strings.Contains(attr(n, "type"), "ld+json") && strings.Contains(textOf(n), src)
		}
		return false
	})
	if inMeta != nil {
		return parallax.PublishedMetadata
	}
	return parallax.PublishedText
}
