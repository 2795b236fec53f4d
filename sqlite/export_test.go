package sqlite

import "github.com/parallax-news/parallax/internal/sqlstore"

// Store returns the SQL layer under db, for tests of its queries.
func (db *DB) Store() *sqlstore.DB { return db.store }
