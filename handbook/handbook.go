// Package handbook embeds the Metropolis Handbook, the book bookc builds when given no book folder.
// It is an ordinary mdBook book: book.toml and src/ build with mdBook unchanged.
package handbook

import "embed"

// FS holds book.toml and src/ of the handbook.
//
//go:embed book.toml src
var FS embed.FS
