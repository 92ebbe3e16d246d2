// Package handbook embeds the Metropolis Handbook, the book bookc builds when given no book folder.
// It is an ordinary mdBook book: book.toml and src/ build with mdBook unchanged.
package handbook

import (
	"embed"
	"time"
)

// FS holds book.toml and src/ of the handbook.
//
//go:embed book.toml src
var FS embed.FS

// Date dates the embedded handbook's artifacts when SOURCE_DATE_EPOCH is not set: embedded files
// carry no modification times. Move it forward when the handbook changes.
var Date = time.Date(2026, time.November, 26, 0, 0, 0, 0, time.UTC)
