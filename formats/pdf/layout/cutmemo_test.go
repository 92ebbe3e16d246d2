package layout

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"bookc/formats/pdf/hyphen"
)

// TestCutMemo checks that the memo gives the cuts the shared vocabulary gives, for more words
// than it has slots (so that words take each other's), in two languages whose patterns cut the
// same word differently, asked again after the others.
func TestCutMemo(t *testing.T) {
	en, de := hyphenator("en"), hyphenator("de")
	if en == nil || de == nil {
		t.Fatal("no English or German patterns")
	}
	const word = "Donaudampfschifffahrt"
	if reflect.DeepEqual(cutsOf(&sync.Map{}, en, word), cutsOf(&sync.Map{}, de, word)) {
		t.Fatalf("English and German cut %q alike: the test cannot tell the languages apart", word)
	}
	var words []string
	for i := range 3 * cutSlots {
		words = append(words, fmt.Sprintf("hyphenation%dinformation", i), word, "typesetting")
	}
	m := new(cutMemo)
	memoed, shared := []*sync.Map{{}, {}}, []*sync.Map{{}, {}}
	for range 2 {
		for _, w := range words {
			for k, h := range []*hyphen.Hyphenator{en, de} {
				if got, want := m.of(memoed[k], h, w), cutsOf(shared[k], h, w); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q: memo cuts %v, vocabulary %v", w, got, want)
				}
			}
		}
	}
	var none *cutMemo
	if got, want := none.of(&sync.Map{}, en, word), cutsOf(&sync.Map{}, en, word); !reflect.DeepEqual(got, want) {
		t.Errorf("no memo: cuts %v, want %v", got, want)
	}
}
