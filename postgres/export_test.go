package postgres

// Exported for tests.
var (
	EncKey = encKey
	DecKey = decKey
)
