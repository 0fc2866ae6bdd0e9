package importrules_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/utopiahire/utopiahire"

// role is what a package is for, which decides the imports it may have.
type role int

const (
	// domain: product behaviour or an adapter to an outside service. Must not
	// import internal/store or internal/httpapi.
	domain role = iota + 1
	// storage: internal/store, which implements the domain's store interfaces.
	storage
	// edge: internal/httpapi, which decodes requests, calls domain services and
	// encodes responses. Must not import internal/store: it calls services
	// through interfaces it declares.
	edge
	// plumbing: process and test infrastructure that wires or hosts storage
	// (configuration, the database server, per-test databases and Redis).
	plumbing
	// hubLib: the embeddable real-time hub; imports nothing else of the module.
	hubLib
	// agentProc: the voice agent process; talks to the server over the wire.
	agentProc
	// wiring: cmd/*, the composition roots; may import anything.
	wiring
	// other: packages outside the layering (migrations, web assets and their
	// browser tests); checked only against internal/httpapi and internal/store
	// where noted below.
	other
)

// roles classifies every package of the module. A package missing here fails
// the test: a new package must be given a role.
var roles = map[string]role{
	"agent":                        agentProc,
	"agent/audio":                  agentProc,
	"agent/audio/lkmedia":          agentProc,
	"agent/lkroom":                 agentProc,
	"cmd/agent":                    wiring,
	"cmd/hubbench":                 wiring,
	"cmd/server":                   wiring,
	"hub":                          hubLib,
	"hub/hubclient":                hubLib,
	"internal/agentapi":            domain,
	"internal/ai":                  domain,
	"internal/ai/geminifake":       domain,
	"internal/apperr":              domain,
	"internal/audit":               domain,
	"internal/auth":                domain,
	"internal/auth/oauthfake":      domain,
	"internal/channels":            domain,
	"internal/config":              plumbing,
	"internal/cv":                  domain,
	"internal/cvanalysis":          domain,
	"internal/cvjob":               domain,
	"internal/cvparse":             domain,
	"internal/cvparse/corpusgen":   domain,
	"internal/cvparse/placesgen":   domain,
	"internal/cvservice":           domain,
	"internal/dbtest":              plumbing,
	"internal/extract":             domain,
	"internal/extract/extracttest": domain,
	"internal/httpapi":             edge,
	"internal/importrules":         domain,
	"internal/interview":           domain,
	"internal/interviewreport":     domain,
	"internal/jobrescue":           domain,
	"internal/jobs":                domain,
	"internal/jobs/catalog":        domain,
	"internal/jobs/jobboard":       domain,
	"internal/jobs/jobboardfake":   domain,
	"internal/jobs/linkedin":       domain,
	"internal/jobs/linkedinfake":   domain,
	"internal/jobsearch":           domain,
	"internal/latex":               domain,
	"internal/livekit":             domain,
	"internal/livekit/livekittest": domain,
	"internal/logscrub":            domain,
	"internal/mail":                domain,
	"internal/mail/smtptest":       domain,
	"internal/pgserver":            plumbing,
	"internal/ratelimit":           domain,
	"internal/redistest":           plumbing,
	"internal/skills":              domain,
	"internal/store":               storage,
	"internal/text":                domain,
	"migrations":                   other,
	"web":                          other,
	"web/build":                    other,
	"web/e2e":                      other,
}

type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// moduleRoot is the directory of go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	return filepath.Dir(strings.TrimSpace(string(gomod)))
}

// listModule runs `go list` over the whole module and returns its packages
// keyed by their path inside the module ("internal/store").
func listModule(t *testing.T) map[string]listedPackage {
	t.Helper()
	root := moduleRoot(t)
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list ./...: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]listedPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listedPackage
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		rel, ok := inModule(p.ImportPath)
		if !ok {
			t.Fatalf("go list returned %q, outside module %s", p.ImportPath, module)
		}
		pkgs[rel] = p
	}
	if len(pkgs) == 0 {
		t.Fatal("go list returned no packages")
	}
	return pkgs
}

// inModule returns path relative to the module, and whether it is in it.
func inModule(path string) (string, bool) {
	if path == module {
		return "", true
	}
	rel, ok := strings.CutPrefix(path, module+"/")
	return rel, ok
}

// violations applies the rules to pkgs and returns each broken one as
// "<package> imports <package>", sorted. Deps are transitive, so a forbidden
// import through an intermediate package counts too.
func violations(t *testing.T, pkgs map[string]listedPackage) []string {
	t.Helper()
	var found []string
	for rel, p := range pkgs {
		r, ok := roles[rel]
		if !ok {
			t.Errorf("package %s has no role: add it to roles in %s", rel, "importrules_test.go")
			continue
		}
		for _, dep := range p.Deps {
			depRel, ok := inModule(dep)
			if !ok {
				continue
			}
			if forbidden(r, depRel) {
				found = append(found, rel+" imports "+depRel)
			}
		}
	}
	for rel := range roles {
		if _, ok := pkgs[rel]; !ok {
			t.Errorf("roles lists %s, which go list does not report: remove it", rel)
		}
	}
	sort.Strings(found)
	return found
}

// forbidden reports whether a package of role r may not import dep (a path
// inside the module).
func forbidden(r role, dep string) bool {
	switch r {
	case domain, agentProc:
		return dep == "internal/store" || dep == "internal/httpapi"
	case hubLib:
		return dep != "hub" && !strings.HasPrefix(dep, "hub/")
	case edge:
		return dep == "internal/store"
	case storage, plumbing, other:
		return dep == "internal/httpapi"
	}
	return false
}

func TestForbidden(t *testing.T) {
	tests := []struct {
		role role
		dep  string
		want bool
	}{
		{domain, "internal/store", true},
		{domain, "internal/httpapi", true},
		{domain, "internal/apperr", false},
		{domain, "hub", false},
		{agentProc, "internal/store", true},
		{agentProc, "internal/ai", false},
		{hubLib, "internal/apperr", true},
		{hubLib, "agent", true},
		{hubLib, "hub/hubclient", false},
		{hubLib, "hub", false},
		{storage, "internal/interview", false},
		{storage, "internal/httpapi", true},
		{plumbing, "internal/store", false},
		{edge, "internal/store", true},
		{edge, "internal/cvservice", false},
		{wiring, "internal/httpapi", false},
	}
	for _, tt := range tests {
		if got := forbidden(tt.role, tt.dep); got != tt.want {
			t.Errorf("forbidden(%d, %q) = %v, want %v", tt.role, tt.dep, got, tt.want)
		}
	}
}

func TestImportRules(t *testing.T) {
	for _, v := range violations(t, listModule(t)) {
		t.Errorf("%s: breaks the import rules (see package doc and docs/architecture.md)", v)
	}
}

// TestArchitectureDocListsEveryPackage: docs/architecture.md has a table row
// ("| `internal/store` | ...") for every package of the module.
func TestArchitectureDocListsEveryPackage(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(moduleRoot(t), "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	for rel := range listModule(t) {
		if !strings.Contains(string(doc), "\n| `"+rel+"` |") {
			t.Errorf("docs/architecture.md has no row for package %s", rel)
		}
	}
}
