package main

import (
	"path/filepath"

	"bookc/formats"
	"bookc/formats/man"
)

// fileDir is the folder a file of an artifact goes into. Every man edition names its pages alike,
// so each has a tree of its own: the full edition's pages go into the output folder, or installed
// into PREFIX/share/man/manN; a role's edition's into a folder named after the edition
// (metropolis-handbook-operators), or installed with --role into PREFIX/share/man/manN of the
// prefix given for it and with --all-roles into PREFIX/share/EDITION/man/manN, never beside the
// full book's pages, where apropos would find each chapter once per edition.
func (w *writer) fileDir(be formats.Backend, ed edition, file string) string {
	o := w.o
	if be.Name() != "man" {
		return o.outDir
	}
	own := !ed.full && (o.install == "" || o.allRoles)
	switch {
	case o.install == "" && own:
		return filepath.Join(o.outDir, ed.artifact)
	case o.install == "":
		return o.outDir
	case own:
		return filepath.Join(o.install, "share", ed.artifact, "man", filepath.Base(man.InstallDir(file)))
	default:
		return filepath.Join(o.install, filepath.FromSlash(man.InstallDir(file)))
	}
}
