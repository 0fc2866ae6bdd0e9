package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// requireNodeModules fails under CI (the bundle must be checked there) and
// skips elsewhere when `npm ci` has not been run in web/.
func requireNodeModules(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join("..", "node_modules", "livekit-client", "package.json")); err == nil {
		return
	}
	msg := "web/node_modules missing: run `npm ci` in web/ (scripts/web-deps.sh does; make test runs it)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestDistIsFresh rebuilds the bundle and fails when the committed web/dist
// differs: someone changed web/src without running `go generate ./web`.
func TestDistIsFresh(t *testing.T) {
	requireNodeModules(t)
	files, err := Bundle("..")
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	if stale := Diff(filepath.Join("..", "dist"), files); len(stale) > 0 {
		t.Fatalf("web/dist is stale; run `go generate ./web` and commit web/dist:\n%s", strings.Join(stale, "\n"))
	}
}

// TestBundleIsDeterministic guards the freshness check itself: two builds of
// the same sources must give the same bytes.
func TestBundleIsDeterministic(t *testing.T) {
	requireNodeModules(t)
	a, err := Bundle("..")
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	b, err := Bundle("..")
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	dir := t.TempDir()
	if err := Write(dir, a); err != nil {
		t.Fatal(err)
	}
	if d := Diff(dir, b); len(d) > 0 {
		t.Fatalf("two builds differ: %v", d)
	}
}

func TestIndexReferencesHashedAssets(t *testing.T) {
	requireNodeModules(t)
	files, err := Bundle("..")
	if err != nil {
		t.Fatalf("bundle: %v", err)
	}
	index := string(files["index.html"])
	for _, want := range []string{`<script type="module" src="/assets/main-`, `<link rel="stylesheet" href="/assets/styles-`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %q:\n%s", want, index)
		}
	}
	// CSP forbids inline scripts and styles from other origins.
	if strings.Contains(index, "<script>") || strings.Contains(index, "http://") || strings.Contains(index, "https://") {
		t.Errorf("index.html has an inline script or a remote URL:\n%s", index)
	}
	for name := range files {
		if strings.HasPrefix(name, "assets/") && !strings.ContainsAny(filepath.Base(name), "-") {
			t.Errorf("asset %s has no content hash in its name", name)
		}
	}
}

func TestDiffReportsChangedMissingExtra(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Files{"a.txt": []byte("a"), "b/c.txt": []byte("c"), "extra.txt": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	got := Diff(dir, Files{"a.txt": []byte("A"), "b/c.txt": []byte("c"), "new.txt": []byte("n")})
	want := []string{"changed a.txt", "extra extra.txt", "missing new.txt"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Diff = %v, want %v", got, want)
	}
}
