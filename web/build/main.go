// Command build bundles the web dashboards (web/src) into web/dist with
// esbuild's Go API, so building needs Go only; npm just installs the
// packages the bundle imports (livekit-client) from web/package-lock.json.
//
//	go generate ./web          (runs: go run ./build, from web/)
//	go run ./build -check      exit 1 when web/dist differs from a fresh build
//
// Output names carry content hashes, so the server can let browsers cache
// assets forever; index.html is rendered from src/index.html with them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", ".", "the web/ directory")
	check := flag.Bool("check", false, "compare with dist/ instead of writing it")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "web build:", err)
		os.Exit(1)
	}
}

func run(dir string, check bool) error {
	files, err := Bundle(dir)
	if err != nil {
		return err
	}
	dist := filepath.Join(dir, "dist")
	if check {
		if stale := Diff(dist, files); len(stale) > 0 {
			return fmt.Errorf("web/dist is stale (run go generate ./web): %v", stale)
		}
		return nil
	}
	if err := Write(dist, files); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "web build: wrote %d files to %s\n", len(files), dist)
	return nil
}
