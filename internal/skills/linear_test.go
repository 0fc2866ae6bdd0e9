package skills

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// unbrokenJob is the hostile input of issue 17: a job description of size
// bytes made of the sample's requirement wording with every sentence and
// list break replaced by a comma, so the whole text is one clause dense
// with skills and "N years" phrases (2 KB: 0.07 s, 64 KB: 125 s before the
// fix).
func unbrokenJob(t testing.TB, size int) string {
	base := sampleRequest(t).JobDescription
	// Without the benefits, whose wording would make the clause a perk.
	base = base[:strings.Index(base, "Benefits")]
	base = strings.NewReplacer("\n", ", ", ". ", ", ", ";", ",", "!", ",", "?", ",", "-", " ").Replace(base)
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(base)
		b.WriteString(", ")
	}
	return b.String()[:size]
}

// BenchmarkAnalyzeUnbrokenJob analyses job descriptions of 2 to 64 KB
// without sentence breaks against the 2-page CV: the time must grow
// linearly with the size (docs/benchmarks.md compares 64 KB with 8 KB).
func BenchmarkAnalyzeUnbrokenJob(b *testing.B) {
	an := newAnalyzer(b)
	req := sampleRequest(b)
	for _, kb := range []int{2, 8, 16, 32, 64} {
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			r := req
			r.JobDescription = unbrokenJob(b, kb<<10)
			if kb == 64 {
				r.JobDescription = r.JobDescription[:MaxJobDescriptionBytes]
			}
			b.SetBytes(int64(len(r.JobDescription)))
			var took []time.Duration
			cpu0 := cpuTime()
			for b.Loop() {
				start := time.Now()
				if _, err := an.Analyze(context.Background(), r); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			// CPU time per analysis does not grow with the machine's load
			// as wall time does (the machine is shared).
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(took)), "cpu-ms/op")
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
		})
	}
}

// cpuTime is the CPU time (user + system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestAnalyzeDeadline: a request already cancelled is refused with the
// deadline error rather than analysed.
func TestAnalyzeDeadline(t *testing.T) {
	an := newAnalyzer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := an.Analyze(ctx, sampleRequest(t)); !errors.Is(err, ErrDeadline) {
		t.Fatalf("err = %v, want ErrDeadline", err)
	}
}

// TestUnbrokenJobExtraction: the hostile input still yields the sample's
// skills, with the stated years attached to the right one.
func TestUnbrokenJobExtraction(t *testing.T) {
	x := NewExtractor(loadTaxonomy(t))
	p := x.Job("", unbrokenJob(t, 64<<10))
	got := map[string]JobSkill{}
	for _, s := range p.Skills {
		got[s.Skill.ID] = s
	}
	for _, id := range []string{"go", "postgresql", "apache-kafka", "kubernetes", "docker", "terraform"} {
		if _, ok := got[id]; !ok {
			t.Errorf("skill %s missing from %d skills", id, len(p.Skills))
		}
	}
}
