package parallax

import "context"

// SettingService keeps a deployment's small settings, such as the hash of
// the API write token.
type SettingService interface {
	// Setting returns the value of key, and whether it is set.
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}
