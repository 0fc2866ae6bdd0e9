package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Files maps a path relative to dist/ (slash-separated) to its contents.
type Files map[string][]byte

// entries are the bundle's entry points, relative to web/; their output names
// replace the {{name}} placeholders of src/index.html.
var entries = map[string]string{
	"app.js":  "src/main.ts",
	"app.css": "src/styles.css",
}

// compressible outputs get a gzip twin the server sends to browsers that
// accept it; the LiveKit chunk alone is several hundred kilobytes.
var compressible = []string{".js", ".css", ".html", ".svg", ".txt"}

// Bundle builds everything dist/ must contain, in memory.
func Bundle(dir string) (Files, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", dir, err)
	}
	if _, err := os.Stat(filepath.Join(abs, "node_modules", "livekit-client")); err != nil {
		return nil, fmt.Errorf("web/node_modules is missing livekit-client: run `npm ci` in web/ first: %w", err)
	}
	points := make([]string, 0, len(entries))
	for _, p := range entries {
		points = append(points, p)
	}
	sort.Strings(points)
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:     abs,
		EntryPoints:       points,
		Outdir:            filepath.Join(abs, "dist", "assets"),
		Bundle:            true,
		Write:             false,
		Metafile:          true,
		Format:            api.FormatESModule,
		Splitting:         true,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2022,
		EntryNames:        "[name]-[hash]",
		ChunkNames:        "chunk-[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsExternal,
		Charset:           api.CharsetUTF8,
		Define:            map[string]string{"process.env.NODE_ENV": `"production"`},
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	dist := filepath.Join(abs, "dist")
	files := Files{}
	for _, o := range res.OutputFiles {
		rel, err := filepath.Rel(dist, o.Path)
		if err != nil {
			return nil, fmt.Errorf("output %s outside dist: %w", o.Path, err)
		}
		files[filepath.ToSlash(rel)] = o.Contents
	}
	names, err := entryOutputs(res.Metafile, abs)
	if err != nil {
		return nil, err
	}
	if err := addStatic(abs, names, files); err != nil {
		return nil, err
	}
	return withGzip(files)
}

// entryOutputs reads esbuild's metafile to learn which hashed file each
// entry point became.
func entryOutputs(metafile, abs string) (map[string]string, error) {
	var meta struct {
		Outputs map[string]struct {
			EntryPoint string `json:"entryPoint"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, fmt.Errorf("read metafile: %w", err)
	}
	names := map[string]string{}
	for out, m := range meta.Outputs {
		for name, src := range entries {
			if m.EntryPoint == src {
				// Metafile paths are relative to the working directory.
				rel, err := filepath.Rel(filepath.Join(abs, "dist"), filepath.Join(abs, out))
				if err != nil {
					return nil, fmt.Errorf("output %s: %w", out, err)
				}
				names[name] = "/" + filepath.ToSlash(rel)
			}
		}
	}
	for name := range entries {
		if names[name] == "" {
			return nil, fmt.Errorf("no output for entry %s", name)
		}
	}
	return names, nil
}

// addStatic renders index.html and copies src/static/ as is.
func addStatic(abs string, names map[string]string, files Files) error {
	tmpl, err := os.ReadFile(filepath.Join(abs, "src", "index.html"))
	if err != nil {
		return fmt.Errorf("read index template: %w", err)
	}
	html := string(tmpl)
	for name, url := range names {
		html = strings.ReplaceAll(html, "{{"+name+"}}", url)
	}
	if i := strings.Index(html, "{{"); i >= 0 {
		return fmt.Errorf("index.html: unknown placeholder near %q", html[i:min(len(html), i+20)])
	}
	files["index.html"] = []byte(html)
	static := filepath.Join(abs, "src", "static")
	return filepath.WalkDir(static, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(static, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
}

// withGzip adds name.gz for each compressible file. The gzip header carries
// no name or time, so the bytes depend on the input only.
func withGzip(files Files) (Files, error) {
	for name, b := range files {
		if !slices.Contains(compressible, path.Ext(name)) || len(b) < 1024 {
			continue
		}
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return nil, err
		}
		if _, err := zw.Write(b); err != nil {
			return nil, fmt.Errorf("gzip %s: %w", name, err)
		}
		if err := zw.Close(); err != nil {
			return nil, fmt.Errorf("gzip %s: %w", name, err)
		}
		files[name+".gz"] = buf.Bytes()
	}
	return files, nil
}

// Diff lists what differs between dist and files: changed, missing and
// extra paths.
func Diff(dist string, files Files) []string {
	var out []string
	seen := map[string]bool{}
	_ = filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dist, p)
		rel = filepath.ToSlash(rel)
		seen[rel] = true
		want, ok := files[rel]
		if !ok {
			out = append(out, "extra "+rel)
			return nil
		}
		if got, err := os.ReadFile(p); err != nil || !bytes.Equal(got, want) {
			out = append(out, "changed "+rel)
		}
		return nil
	})
	for name := range files {
		if !seen[name] {
			out = append(out, "missing "+name)
		}
	}
	sort.Strings(out)
	return out
}

// Write replaces dist's contents with files.
func Write(dist string, files Files) error {
	if err := os.RemoveAll(dist); err != nil {
		return fmt.Errorf("clear %s: %w", dist, err)
	}
	for name, b := range files {
		p := filepath.Join(dist, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}
