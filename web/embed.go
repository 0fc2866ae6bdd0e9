// Package web is the browser dashboards of UtopiaHire (candidate pages, the
// interview room, the reviewer view), built from src/ into dist/ by the
// esbuild-based tool in build/ and embedded here, so the server binary serves
// them with no extra step. The app routes in the URL fragment (/#/cv), so the
// server only ever serves index.html, the hashed assets and a few files.
package web

import (
	"embed"
	"io/fs"
)

//go:generate go run ./build

//go:embed dist
var dist embed.FS

// Assets is the built bundle: index.html at the root, hashed files under
// assets/, and for large text files a precompressed name.gz twin.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only for an invalid name; "dist" is valid.
		panic(err)
	}
	return sub
}
