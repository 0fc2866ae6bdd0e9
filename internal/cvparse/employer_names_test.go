package cvparse

import "testing"

// TestFieldWordClosingNameIsFirm: a job's field word ("Software", "Data")
// closing a capitalised name after the title's comma names the firm's
// trade ("Ebano Software", "Kora Data"), so the name is cut from the
// title as any employer's is, with a place, a work mode, a legal form or
// nothing after it.
func TestFieldWordClosingNameIsFirm(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"software house, remote", "Software Engineer, Ebano Software, Remote\tAug 2020 — Dec 2021\n• Built React features.\n",
			[]expWant{{"Software Engineer", "Ebano Software", "Remote", "Aug 2020", "Dec 2021"}}},
		{"data firm, town", "Data Analyst, Kora Data, Nairobi\tJan 2019 — Jul 2020\n",
			[]expWant{{"Data Analyst", "Kora Data", "Nairobi", "Jan 2019", "Jul 2020"}}},
		{"french title", "Développeur, Ebano Software, Lyon\tjanv. 2017 — juil. 2018\n",
			[]expWant{{"Développeur", "Ebano Software", "Lyon", "janv. 2017", "juil. 2018"}}},
		{"legal form after it", "QA Tester, Brightline Software Ltd, Leeds\t2015 – 2016\n",
			[]expWant{{"QA Tester", "Brightline Software Ltd", "Leeds", "2015", "2016"}}},
		{"nothing after it", "Backend Developer, Nimbus Software\tAug 2016 — Dec 2016\n",
			[]expWant{{"Backend Developer", "Nimbus Software", "", "Aug 2016", "Dec 2016"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}
