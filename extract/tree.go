package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-news/parallax"
)

// depth returns the deepest element nesting of the tree, walking it without
// recursion so that hostile nesting cannot exhaust the stack.
func depth(root *html.Node) int {
	deepest, d := 0, 0
	for n := root; n != nil; {
		if n.FirstChild != nil {
			n, d = n.FirstChild, d+1
			deepest = max(deepest, d)
			continue
		}
		for n != nil && n.NextSibling == nil {
			n, d = n.Parent, d-1
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	return deepest
}

// skipped elements hold no article text.
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

// blockTexts is the last-resort reader: the text of the page's blocks, in
// order, without scripts and page chrome. It walks iteratively, like depth.
func blockTexts(root *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if s := strings.Join(strings.Fields(cur.String()), " "); s != "" {
			out = append(out, s)
		}
		cur.Reset()
	}
	n := root
	for n != nil {
		descend := true
		switch n.Type {
		case html.ElementNode:
			if skipped[n.DataAtom] {
				descend = false
			} else if blocks[n.DataAtom] {
				flush()
			}
		case html.TextNode:
			cur.WriteString(n.Data)
			cur.WriteByte(' ')
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
			if n != nil && n.Type == html.ElementNode && blocks[n.DataAtom] {
				flush()
			}
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	flush()
	return out
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
