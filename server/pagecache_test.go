package server

import (
	"fmt"
	"testing"
)

func TestPageCache(t *testing.T) {
	c := newPageCache(100)
	c.put("a", make([]byte, 10))
	c.put("b", make([]byte, 10))
	if _, ok := c.get("a"); !ok {
		t.Fatal("a missing")
	}
	// fill past the budget: b, the least recently used, goes first
	for i := range 9 {
		c.put(fmt.Sprint("k", i), make([]byte, 10))
	}
	if _, ok := c.get("b"); ok {
		t.Error("b kept past the budget although least recently used")
	}
	if _, ok := c.get("a"); !ok {
		t.Error("a evicted although recently used")
	}
	if c.used > 100 {
		t.Errorf("%d bytes used of 100", c.used)
	}
	c.put("huge", make([]byte, 50))
	if _, ok := c.get("huge"); ok {
		t.Error("a body over an eighth of the budget was kept")
	}
	var none *pageCache
	none.put("x", nil)
	if _, ok := none.get("x"); ok {
		t.Error("a nil cache returned an entry")
	}
}
