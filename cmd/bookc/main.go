package main
import (
 _ "github.com/yuin/goldmark"
 _ "codeberg.org/go-pdf/fpdf"
 _ "golang.org/x/image/font/gofont/goregular"
 _ "github.com/speedata/hyphenation"
 _ "github.com/alecthomas/chroma/v2"
 _ "github.com/BurntSushi/toml"
 _ "golang.org/x/sync/errgroup"
)
func main(){}
