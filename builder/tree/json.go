package tree

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// MarshalJSON tags each block with its Go type name, so that `bookc tree` output says what each node is.
func (bs Blocks) MarshalJSON() ([]byte, error) { return tagged(bs) }

// MarshalJSON tags each inline with its Go type name.
func (is Inlines) MarshalJSON() ([]byte, error) { return tagged(is) }

func tagged[T any](nodes []T) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('[')
	for i, n := range nodes {
		if i > 0 {
			buf.WriteByte(',')
		}
		body, err := json.Marshal(n)
		if err != nil {
			return nil, err
		}
		name := reflect.TypeOf(n).Elem().Name()
		buf.WriteString(`{"type":"` + name + `"`)
		if len(body) > 2 { // body is an object: splice its fields after the tag
			buf.WriteByte(',')
			buf.Write(body[1 : len(body)-1])
		}
		buf.WriteByte('}')
	}
	buf.WriteByte(']')
	return buf.Bytes(), nil
}
