package sqlstore

import (
	"strings"
	"testing"
)

func TestKeyEncoding(t *testing.T) {
	db := &DB{d: Dialect{NoNUL: true}}
	for _, k := range []string{"", "plain", "id:The Ledger\x00ledger-1", `back\slash`, "\x00\\0\\\x00"} {
		enc := db.encKey(k)
		if got := db.decKey(enc); got != k {
			t.Errorf("round trip of %q gave %q", k, got)
		}
		if strings.IndexByte(enc, 0) >= 0 {
			t.Errorf("encoded %q still holds NUL", k)
		}
	}
	plain := &DB{}
	if k := "a\x00b"; plain.encKey(k) != k {
		t.Error("a dialect that stores NUL changed the key")
	}
}

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT 1", "SELECT 1"},
		{"a = ? AND b = ?", "a = $1 AND b = $2"},
		{"SELECT ?1, ?2 WHERE x = ?1", "SELECT $1, $2 WHERE x = $1"},
	}
	for _, tt := range tests {
		if got := rebind(tt.in, true); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := rebind(tt.in, false); got != tt.in {
			t.Errorf("unnumbered rebind changed %q", tt.in)
		}
	}
}
