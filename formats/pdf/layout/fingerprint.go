package layout

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"

	"bookc/builder/tree"
)

// fingerprint appends what tells v from every other value of its type: each field in order, the
// dynamic type of each interface, and a length before each string and slice, so that two values
// give the same bytes only when they are equal. Its print (Shared.printOf) keys the blocks and
// chapters editions and builds share (sharedKey, unitKey): the JSON it replaces said as much, at
// four times the cost, and left out what JSON leaves out.
func fingerprint(buf []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return append(buf, 0)
		}
		name := v.Elem().Type().String()
		buf = binary.AppendUvarint(buf, uint64(len(name)))
		return fingerprint(append(buf, name...), v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return append(buf, 0)
		}
		if a, ok := v.Interface().(*tree.Asset); ok && a.Drawing != nil {
			// an SVG's drawing is read from the bytes its Data is cleaned from: they tell it apart
			c := *a
			c.Drawing = nil
			return fingerprint(append(buf, 1), reflect.ValueOf(c))
		}
		return fingerprint(append(buf, 1), v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			buf = fingerprint(buf, v.Field(i))
		}
		return buf
	case reflect.Slice:
		buf = binary.AppendUvarint(buf, uint64(v.Len()))
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return append(buf, v.Bytes()...)
		}
		for i := range v.Len() {
			buf = fingerprint(buf, v.Index(i))
		}
		return buf
	case reflect.String:
		buf = binary.AppendUvarint(buf, uint64(v.Len()))
		return append(buf, v.String()...)
	case reflect.Bool:
		if v.Bool() {
			return append(buf, 1)
		}
		return append(buf, 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(buf, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return binary.AppendUvarint(buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.BigEndian.AppendUint64(buf, math.Float64bits(v.Float()))
	}
	panic(fmt.Sprintf("layout: no fingerprint for a %s", v.Type())) // the tree holds no maps, arrays, channels or functions
}
