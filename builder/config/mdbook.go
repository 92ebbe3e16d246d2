package config

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/BurntSushi/toml"
)

// FromMdBook reads the configuration mdBook hands a renderer in its render context: book.toml as
// mdBook read it, with its defaults and MDBOOK_* overrides applied. name is book.toml's name for
// messages. The JSON is written back as TOML and read as book.toml is, so that both say the same.
func FromMdBook(name string, cfg map[string]any) (*Config, error) {
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(tomlValue(cfg)); err != nil {
		return nil, fmt.Errorf("%s: the configuration mdBook passed cannot be read: %w", name, err)
	}
	c, err := Parse(name, buf.Bytes())
	if err != nil {
		return nil, err
	}
	for i := range c.Preprocessors {
		c.Preprocessors[i].Line = 0 // lines of the TOML written here, not of the user's file
	}
	for i := range c.BuiltIn {
		c.BuiltIn[i].Line = 0
	}
	return c, nil
}

// tomlValue makes decoded JSON encodable as TOML: TOML has no null, so null values are left out
// (mdBook writes none of its own), and numbers become integers where they are whole.
func tomlValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			if e != nil {
				m[k] = tomlValue(e)
			}
		}
		return m
	case []any:
		l := make([]any, 0, len(x))
		for _, e := range x {
			if e != nil {
				l = append(l, tomlValue(e))
			}
		}
		return l
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	default:
		return v
	}
}
