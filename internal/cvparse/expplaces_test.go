package cvparse

import "testing"

// TestTownBeforeStateCode: a town the gazetteer does not hold, then its
// state's or province's code after a comma or in brackets ("Moranbah,
// QLD", "Rimouski (Qc)"), is the place after the employer's dash or
// comma, not part of the employer's name.
func TestTownBeforeStateCode(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"dash, australian state", "Leading Hand Electrician\tMar 2020 – Present\nSparkright Electrical Pty Ltd – Brendale, QLD\nRan a crew of four.\n",
			[]expWant{{"Leading Hand Electrician", "Sparkright Electrical Pty Ltd", "Brendale, QLD", "Mar 2020", "Present"}}},
		{"comma, australian state", "Shutdown Electrician\tJul 2017 – Feb 2020\nHallam Maintenance Group, Moranbah, QLD\nDragline maintenance.\n",
			[]expWant{{"Shutdown Electrician", "Hallam Maintenance Group", "Moranbah, QLD", "Jul 2017", "Feb 2020"}}},
		{"quebec code in brackets", "Groupe Boréal Assurances — Rimouski (Qc)\nConseillère en communication\nJanvier 2009 à décembre 2012\nRédaction des communiqués.\n",
			[]expWant{{"Conseillère en communication", "Groupe Boréal Assurances", "Rimouski (Qc)", "Janvier 2009", "décembre 2012"}}},
		{"canadian province in brackets", "Millwright\t2014 – 2018\nNorthern Pulp Ltd — Kapuskasing (ON)\nShutdown maintenance.\n",
			[]expWant{{"Millwright", "Northern Pulp Ltd", "Kapuskasing (ON)", "2014", "2018"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}

// TestTownWithParticles: a town whose names are joined by particles in
// lower case ("Mülheim an der Ruhr", "Kingston upon Thames", "Frankfurt am
// Main") is shaped like a town, so it is the place after the employer.
func TestTownWithParticles(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []expWant
	}{
		{"an der", "2015–2016\tResearch Associate, Max Planck Institute for Coal Research, Mülheim an der Ruhr\nDFT benchmarks.\n",
			[]expWant{{"Research Associate", "Max Planck Institute for Coal Research", "Mülheim an der Ruhr", "2015", "2016"}}},
		{"an der, other town", "2013–2015\tLaboratory Technician, Fraunhofer Institute, Halle an der Saale\nSample preparation.\n",
			[]expWant{{"Laboratory Technician", "Fraunhofer Institute", "Halle an der Saale", "2013", "2015"}}},
		{"upon", "2011–2013\tSupport Engineer, Kettle Systems Ltd, Kingston upon Thames\nSecond-line support.\n",
			[]expWant{{"Support Engineer", "Kettle Systems Ltd", "Kingston upon Thames", "2011", "2013"}}},
		{"am", "2009–2011\tAccountant, Helaba Invest GmbH, Offenbach am Main\nFund accounting.\n",
			[]expWant{{"Accountant", "Helaba Invest GmbH", "Offenbach am Main", "2009", "2011"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkExps(t, tc.body, tc.want) })
	}
}
