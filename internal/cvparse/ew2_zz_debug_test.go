package cvparse

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/utopiahire/utopiahire/internal/extract"
)

func TestZZDebug(t *testing.T) {
	ex, _ := extract.New(extract.DefaultLimits())
	cache := newExtractCache(t)
	for _, base := range strings.Fields(os.Getenv("ZZ")) {
		data, _ := os.ReadFile(findDoc(t, base))
		d, err := cache.text(context.Background(), ex, data)
		if err != nil { t.Fatal(err) }
		if os.Getenv("ZZTEXT") != "" { fmt.Println(d.Text) }
		c := Parse(d)
		for _, e := range c.Education { fmt.Printf("%q | %q | %+v\n", e.Degree, e.Institution, e) }
	}
}
