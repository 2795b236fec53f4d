package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallax-news/parallax"
)

var _ parallax.SettingService = (*SettingService)(nil)

// SettingService keeps settings.
type SettingService struct {
	db *DB
}

// NewSettingService returns a SettingService on db.
func NewSettingService(db *DB) *SettingService {
	return &SettingService{db: db}
}

// Setting returns the value of key; see parallax.SettingService.
func (s *SettingService) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := s.db.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return v, true, nil
}

// SetSetting stores a value; see parallax.SettingService.
func (s *SettingService) SetSetting(ctx context.Context, key, value string) error {
	_, err := s.db.db.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, key, value, s.db.Now().Unix())
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	return nil
}
