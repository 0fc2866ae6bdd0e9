package cvparse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Job tables under headings of forms and seafarers' records: "From" and
// "To" over a cell each head one dates column; "Designation / Job
// Group", "Rank", "Position held" head the title; "Employer and
// station", "Manning / Company" the employer (and the place after a
// dash in a cell under "Employer and station"); a column the parser does
// not know ("Vessel", "Main Engine") holds notes on the row, once the
// row has known headings enough. The heading row is no entry.
func TestVariationTableHeadingVocabulary(t *testing.T) {
	cases := []struct {
		name  string
		rows  []string
		want  []expWant
		descr []string
	}{
		{"form from to",
			[]string{"50|From\tTo\tDesignation / Job Group\tEmployer and station\tDuties",
				"50|Mar 2020\tTo date\tClinical Officer (Job Group K)\tMinistry of Water, Kisumu\tBorehole audits",
				"50|Feb 2017\tFeb 2020\tRecords Clerk\tKisii Level 5 Hospital, Kisii\tFiling and retrieval"},
			[]expWant{{"Clinical Officer (Job Group K)", "Ministry of Water", "Kisumu", "Mar 2020", "To date"},
				{"Records Clerk", "Kisii Level 5 Hospital", "Kisii", "Feb 2017", "Feb 2020"}},
			[]string{"Borehole audits", "Filing and retrieval"}},
		{"employer and station, dash",
			[]string{"50|From\tTo\tDesignation\tEmployer and station\tDuties",
				"50|Jan 2021\tDec 2022\tSurveyor\tMinistry of Lands – Kericho Regional Office\tBoundary disputes",
				"50|Jun 2018\tDec 2020\tAssistant Surveyor\tNational Land Commission – Nakuru Field Station\tTitle searches"},
			[]expWant{{"Surveyor", "Ministry of Lands", "Kericho Regional Office", "Jan 2021", "Dec 2022"},
				{"Assistant Surveyor", "National Land Commission", "Nakuru Field Station", "Jun 2018", "Dec 2020"}},
			[]string{"Boundary disputes", "Title searches"}},
		{"sea service",
			[]string{"50|Vessel\tType\tRank\tManning / Company\tFrom\tTo",
				"50|MV Silver Tern\tGeneral Cargo\tChief Officer\tBlue Anchor Crewing Ltd\tMay 2022\tJan 2023",
				"50|MT Amber Gull\tProduct Tanker\tSecond Officer\tBlue Anchor Crewing Ltd\tJun 2019\tFeb 2020"},
			[]expWant{{"Chief Officer", "Blue Anchor Crewing Ltd", "", "May 2022", "Jan 2023"},
				{"Second Officer", "Blue Anchor Crewing Ltd", "", "Jun 2019", "Feb 2020"}},
			[]string{"MV Silver Tern – General Cargo", "MT Amber Gull – Product Tanker"}},
		{"position held",
			[]string{"50|Position held\tEmployer\tFrom\tTo",
				"50|Storekeeper\tMbeya Cement Company\t2018\t2021",
				"50|Stores Assistant\tTanga Fresh Ltd\t2014\t2018"},
			[]expWant{{"Storekeeper", "Mbeya Cement Company", "", "2018", "2021"},
				{"Stores Assistant", "Tanga Fresh Ltd", "", "2014", "2018"}},
			nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([]string{"50|Jane Roe", "50|jane@example.com", "50|Employment History"}, tc.rows...)
			rows = append(rows, "50|Skills", "50|Excel, SQL")
			got := Parse(placed(rows...))
			if diff := cmp.Diff(tc.want, expsOf(got)); diff != "" {
				t.Errorf("experience (-want +got):\n%s", diff)
			}
			if tc.descr == nil {
				return
			}
			var descr []string
			for _, x := range got.Experience {
				descr = append(descr, x.Description)
			}
			if diff := cmp.Diff(tc.descr, descr); diff != "" {
				t.Errorf("descriptions (-want +got):\n%s", diff)
			}
		})
	}
}

// A heading row with cells the parser does not know is read only when
// its known headings name a dates column and two fields, and outnumber
// the unknown ones; a row of names over a referees list is none.
func TestVariationTableUnknownHeads(t *testing.T) {
	cases := []struct {
		row  string
		want []string
	}{
		{"Vessel\tRank\tManning / Company\tFrom\tTo", []string{"Notes", "Position", "Company", "Dates"}},
		{"Ship Name\tFlag\tPosition held\tEmployer\tFrom To", []string{"Notes", "Notes", "Position", "Company", "Dates"}},
		{"Name\tDesignation\tContact", nil},
		{"Vessel\tTonnage\tEngine\tRank\tFrom", nil},
		{"Vessel\tRank\tCompany\tSigned on 12 May", nil},
	}
	for _, tc := range cases {
		if diff := cmp.Diff(tc.want, columnHeads(tc.row)); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tc.row, diff)
		}
	}
}
