package main

// The backends register themselves with formats; importing them is all the CLI does to get them.
import (
	_ "bookc/formats/epub"
	_ "bookc/formats/man"
	_ "bookc/formats/pdf"
)
