package server

import (
	"container/list"
	"sync"
)

// pageCache keeps rendered responses by key, least recently used out
// first, within a byte budget. A key names everything a response shows
// (report.Snapshot.Key), so an entry is never stale: a changed story
// gets a new key and its old entry ages out.
type pageCache struct {
	mu    sync.Mutex
	max   int
	used  int
	order *list.List // front: most recently used
	byKey map[string]*list.Element
}

type cacheEntry struct {
	key  string
	body []byte
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{max: maxBytes, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *pageCache) get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*cacheEntry).body, true
	}
	return nil, false
}

// put stores body under key; a body larger than an eighth of the budget
// is not kept, so that one huge story cannot empty the cache.
func (c *pageCache) put(key string, body []byte) {
	if c == nil || len(body) > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key, body})
	c.used += len(body)
	for c.used > c.max {
		e := c.order.Back()
		ent := e.Value.(*cacheEntry)
		c.order.Remove(e)
		delete(c.byKey, ent.key)
		c.used -= len(ent.body)
	}
}

// snapshotKeys maps story IDs to the keys of their snapshots
// (report.Snapshot.Key) while the store does not change: entries are
// kept under the store's change stamp and all dropped when it moves.
type snapshotKeys struct {
	mu    sync.Mutex
	stamp string
	byID  map[int64]string
}

// maxSnapshotKeys bounds the entries kept, about 100 bytes each.
const maxSnapshotKeys = 100_000

func (k *snapshotKeys) get(stamp string, id int64) (string, bool) {
	if stamp == "" {
		return "", false
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if stamp != k.stamp {
		return "", false
	}
	key, ok := k.byID[id]
	return key, ok
}

// put keeps key for id, read after the store showed stamp.
func (k *snapshotKeys) put(stamp string, id int64, key string) {
	if stamp == "" {
		return
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if stamp != k.stamp || len(k.byID) >= maxSnapshotKeys {
		k.stamp, k.byID = stamp, map[int64]string{}
	}
	k.byID[id] = key
}
