package preprocess

import (
	"fmt"
	"slices"

	"bookc/builder/config"
)

// defaults are mdBook's own preprocessors, which run unless book.toml turns them off; bookc does
// their work itself, at their place in the order.
var defaults = []string{"index", "links"}

// Order lists the preprocessors in the order mdBook runs them: a topological sort of their
// before and after lists, in rounds, each round's names sorted (mdBook's rule for ties). The
// built-in ones (links, index, alerts) are in the list, to be done by bookc.
func Order(cfg *config.Config, toml string) ([]config.Preprocessor, error) {
	byName := map[string]config.Preprocessor{}
	for _, n := range defaults {
		byName[n] = config.Preprocessor{Name: n}
	}
	for _, p := range append(append([]config.Preprocessor(nil), cfg.BuiltIn...), cfg.Preprocessors...) {
		byName[p.Name] = p
	}
	after := map[string]map[string]bool{} // name -> the names it waits for
	for n := range byName {
		after[n] = map[string]bool{}
	}
	for _, p := range byName {
		for _, a := range p.After {
			if _, ok := byName[a]; !ok {
				return nil, fmt.Errorf("%s: [preprocessor.%s] after names %q, which is no preprocessor of the book; declare [preprocessor.%s] or remove the name", at(toml, p.Line), p.Name, a, a)
			}
			if a != p.Name {
				after[p.Name][a] = true
			}
		}
		for _, b := range p.Before {
			if _, ok := byName[b]; !ok {
				return nil, fmt.Errorf("%s: [preprocessor.%s] before names %q, which is no preprocessor of the book; declare [preprocessor.%s] or remove the name", at(toml, p.Line), p.Name, b, b)
			}
			if b != p.Name {
				after[b][p.Name] = true
			}
		}
	}
	var out []config.Preprocessor
	for len(after) > 0 {
		var round []string
		for n, waits := range after {
			if len(waits) == 0 {
				round = append(round, n)
			}
		}
		if len(round) == 0 {
			var left []string
			for n := range after {
				left = append(left, n)
			}
			slices.Sort(left)
			return nil, fmt.Errorf("%s: the before and after lists of the preprocessors %v make a cycle; remove one of them", toml, left)
		}
		slices.Sort(round)
		for _, n := range round {
			out = append(out, byName[n])
			delete(after, n)
		}
		for _, waits := range after {
			for _, n := range round {
				delete(waits, n)
			}
		}
	}
	return out, nil
}

// at names a line of book.toml, or the file alone when the line is unknown.
func at(toml string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", toml, line)
	}
	return toml
}
