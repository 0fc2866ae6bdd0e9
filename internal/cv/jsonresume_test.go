package cv_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/utopiahire/utopiahire/internal/cv"
)

// TestJSONResumeValidates checks the export against the published schema
// (resume-schema 1.0.1 from npm, copied to testdata).
func TestJSONResumeValidates(t *testing.T) {
	sch := compileSchema(t)
	for _, name := range []string{"en_engineer.json", "fr_marketing.json"} {
		t.Run(name, func(t *testing.T) {
			r := cv.ToJSONResume(loadCV(t, name))
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Fatalf("export does not validate: %v\n%s", err, b)
			}
		})
	}
}

func TestJSONResumeContent(t *testing.T) {
	r := cv.ToJSONResume(loadCV(t, "en_engineer.json"))
	if r.Basics.Name != "Amira Ben Salah" || r.Basics.Email != "amira.bensalah@example.com" {
		t.Errorf("basics = %+v", r.Basics)
	}
	wantWork := cv.JRWork{
		Name: "Kronos Payments", Position: "Senior Backend Engineer", Location: "Tunis",
		StartDate: "2021-03", EndDate: "",
	}
	got := r.Work[0]
	got.Highlights = nil
	if diff := cmp.Diff(wantWork, got); diff != "" {
		t.Errorf("work[0] (-want +got):\n%s", diff)
	}
	if len(r.Work[0].Highlights) != 6 {
		t.Errorf("work[0] has %d highlights, want 6", len(r.Work[0].Highlights))
	}
	if r.Work[1].StartDate != "2017-09" || r.Work[1].EndDate != "2020-01" {
		t.Errorf("work[1] dates = %q..%q", r.Work[1].StartDate, r.Work[1].EndDate)
	}
	if e := r.Education[0]; e.StudyType != "MSc" || e.Area != "Computer Science" || e.StartDate != "2015" {
		t.Errorf("education[0] = %+v", e)
	}
	wantLangs := []cv.JRLanguage{{"English", "fluent"}, {"French", "fluent"}, {"Arabic", "native"}}
	if diff := cmp.Diff(wantLangs, r.Languages); diff != "" {
		t.Errorf("languages (-want +got):\n%s", diff)
	}
	wantProfiles := []cv.JRProfile{
		{Network: "LinkedIn", Username: "amira-bensalah", URL: "https://www.linkedin.com/in/amira-bensalah"},
		{Network: "GitHub", Username: "amirabs", URL: "https://github.com/amirabs"},
	}
	if diff := cmp.Diff(wantProfiles, r.Basics.Profiles); diff != "" {
		t.Errorf("profiles (-want +got):\n%s", diff)
	}
	if len(r.Certificates) != 1 || r.Certificates[0].Issuer != "CNCF" || r.Certificates[0].Date != "" {
		t.Errorf("certificates = %+v", r.Certificates)
	}
}

// TestJSONResumeHostile checks that junk in dates and links never produces
// an invalid document.
func TestJSONResumeHostile(t *testing.T) {
	sch := compileSchema(t)
	c := loadCV(t, "en_engineer.json")
	c.Experience[0].StartDate = "sometime in 2021?"
	c.Experience[0].EndDate = "13/13/2013"
	c.Projects[0].Link = "javascript:alert(1)"
	c.Contact.Portfolio = "not a url"
	c.Contact.Email = "amira at example dot com"
	c.Certifications[0].Date = "12/03/2022"
	c.Contact.LinkedIn = "linkedin.com/in/x"
	r := cv.ToJSONResume(c)
	b, _ := json.Marshal(r)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("export does not validate: %v", err)
	}
	if r.Work[0].StartDate != "" || r.Projects[0].URL != "" || r.Basics.URL != "" {
		t.Errorf("junk kept: start %q, project url %q, url %q", r.Work[0].StartDate, r.Projects[0].URL, r.Basics.URL)
	}
	if r.Basics.Email != "" || r.Certificates[0].Date != "2022-03-12" {
		t.Errorf("email %q, certificate date %q", r.Basics.Email, r.Certificates[0].Date)
	}
	if r.Basics.Profiles[0].URL != "https://linkedin.com/in/x" {
		t.Errorf("bare host link = %q", r.Basics.Profiles[0].URL)
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/jsonresume-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}
