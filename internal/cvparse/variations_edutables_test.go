package cvparse

import "testing"

// "2007 : diploma, option, school, town." — a year set off by a colon or a
// dash heads its one-line entry, however many words the line has and
// though it ends in a full stop.
func TestVariationYearLedLongLine(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"year and colon", "2012 – 2014 : Licence en Génie Civil, Université de Blida, Blida.\n" +
			"2011 : Baccalauréat Technique Mathématiques, option Génie Électrique, Lycée Emir Abdelkader, Médéa.",
			[]eduWant{{"Licence en Génie Civil", "Université de Blida", "Blida", "2012", "2014"},
				{"Baccalauréat Technique Mathématiques, option Génie Électrique", "Lycée Emir Abdelkader", "Médéa", "", "2011"}}, nil},
		{"year and dash", "2016 – 2019 – BSc Applied Physics, Norhaven University, Rajshahi.\n" +
			"2015 – Higher Secondary Certificate in Science and Further Mathematics, Greenfield Model College, Rajshahi.",
			[]eduWant{{"BSc Applied Physics", "Norhaven University", "Rajshahi", "2016", "2019"},
				{"Higher Secondary Certificate in Science and Further Mathematics", "Greenfield Model College", "Rajshahi", "", "2015"}}, nil},
	})
}

// A kind of school named without a name of its own ("Senior High School",
// "Junior Secondary School") beside a school that has one is the stage
// studied: the degree, its strand after a dash kept with it; the named
// school is the institution.
func TestVariationSchoolKindIsTheStage(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"level, kind and strand", "Secondary\tSenior High School – ABM strand\t2011 – 2013\nAbellana National School, Cebu City",
			[]eduWant{{"Senior High School – ABM strand", "Abellana National School", "Cebu City", "2011", "2013"}}, nil},
		{"kind alone over the school", "Junior Secondary School\t2006 – 2009\nKariobangi North Academy",
			[]eduWant{{"Junior Secondary School", "Kariobangi North Academy", "", "2006", "2009"}}, nil},
		{"a named school stays the school", "High School Diploma\t2014\nRiverside Senior High School",
			[]eduWant{{"High School Diploma", "Riverside Senior High School", "", "", "2014"}}, nil},
	})
}

// Schools named in Romanian, Italian, Portuguese, Polish, Turkish and
// Nordic words ("Colegiul Tehnic …", "Scuola Superiore …", "… Lisesi")
// are schools: the line under the degree naming one is the institution,
// not the subjects listed after it.
func TestVariationSchoolWordsAbroad(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"Romanian college over subjects", "09/2004 – 06/2008\tProfessional certificate – Electrician\nColegiul Tehnic „Traian Vuia”, Oradea (Romania)\nWiring, motors, control panels, safety",
			[]eduWant{{"Professional certificate – Electrician", "Colegiul Tehnic „Traian Vuia”", "Oradea (Romania)", "09/2004", "06/2008"}}, nil},
		{"Italian school after the degree", "2015 – 2019\tPhD in Physics, Scuola Superiore Sant'Anna, Pisa",
			[]eduWant{{"PhD in Physics", "Scuola Superiore Sant'Anna", "Pisa", "2015", "2019"}}, nil},
		{"Turkish high school", "2009 – 2013\tHigh school diploma\nKadıköy Anadolu Lisesi, Istanbul",
			[]eduWant{{"High school diploma", "Kadıköy Anadolu Lisesi", "Istanbul", "2009", "2013"}}, nil},
	})
}

// A school's name that opens with its school word ("Universidad …",
// "Colegiul …", "École …") read onto the end of the degree's line (the
// two lines joined as one wrapped line) is cut off as the school; a name
// that ends in its school word stays whole.
func TestVariationGluedSchoolName(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"field after a dash, then the school", "2008 – 2012\tBachelor of Science – Industrial Chemistry Engineering Universidad Técnica de Oruro, Facultad de Ingeniería",
			[]eduWant{{"Bachelor of Science – Industrial Chemistry Engineering", "Universidad Técnica de Oruro, Facultad de Ingeniería", "", "2008", "2012"}}, nil},
		{"degree then the school", "2011 – 2013\tMaster Génie des Procédés Industriels École Nationale Supérieure de Chimie de Rennes",
			[]eduWant{{"Master Génie des Procédés Industriels", "École Nationale Supérieure de Chimie de Rennes", "", "2011", "2013"}}, nil},
		{"name before the school word stays", "2014 – 2016\tMSc Agronomy, Jomo Kenyatta University of Agriculture and Technology",
			[]eduWant{{"MSc Agronomy", "Jomo Kenyatta University of Agriculture and Technology", "", "2014", "2016"}}, nil},
	})
}

// A column heading that tells how its field was had ("Qualification
// Attained", "Degree Obtained", "Diplôme obtenu") heads that field.
func TestVariationHeadingParticiple(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"qualification attained", "Period\tInstitution\tQualification Attained\tGrade\n" +
			"2016 – 2020\tMaseno University\tBachelor of Science (Actuarial Science)\tFirst Class Honours\n" +
			"2012 – 2015\tKisumu Girls High School\tKenya Certificate of Secondary Education (K.C.S.E.)\tA-",
			[]eduWant{{"Bachelor of Science (Actuarial Science)", "Maseno University", "", "2016", "2020"},
				{"Kenya Certificate of Secondary Education (K.C.S.E.)", "Kisumu Girls High School", "", "2012", "2015"}}, nil},
		{"diplôme obtenu", "Année\tÉtablissement\tDiplôme obtenu\n" +
			"2019\tLycée Technique Al Khawarizmi\tBaccalauréat Sciences et Technologies Électriques\n" +
			"2022\tÉcole Supérieure de Technologie\tDiplôme Universitaire de Technologie en Génie Électrique",
			[]eduWant{{"Baccalauréat Sciences et Technologies Électriques", "Lycée Technique Al Khawarizmi", "", "", "2019"},
				{"Diplôme Universitaire de Technologie en Génie Électrique", "École Supérieure de Technologie", "", "", "2022"}}, nil},
	})
}

// "Degree : … / Institute : … / Board : … / Year : …" blocks: the
// exam's board beside the school names no new entry; the school stays the
// institution and the board goes to the notes.
func TestVariationBoardBesideInstitute(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"board rows", "Degree : Intermediate (Pre-Engineering)\nInstitute : Government Gordon College, Rawalpindi\nBoard : BISE Rawalpindi\nYear : 2014\n" +
			"Degree : Matriculation (Science)\nInstitute : Army Public School, Rawalpindi\nBoard : BISE Rawalpindi\nYear : 2012",
			[]eduWant{{"Intermediate (Pre-Engineering)", "Government Gordon College", "Rawalpindi", "", "2014"},
				{"Matriculation (Science)", "Army Public School", "Rawalpindi", "", "2012"}},
			[]string{"BISE Rawalpindi", "BISE Rawalpindi"}},
		{"board alone is the school", "Degree : SSC\nBoard : Rajshahi Education Board\nYear : 2008",
			[]eduWant{{"SSC", "Rajshahi Education Board", "", "", "2008"}}, nil},
	})
}

// The Philippine data sheet's education table: "Level", "Course /
// Degree", "Name of School & Address", "Inclusive Years". The level is
// the degree only when the degree cell is blank (a dash, maybe read into
// the level's cell); the lines under the school's name in its cell are
// its address.
func TestVariationLevelAndSchoolAddressColumns(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"data sheet", "Level\tCourse / Degree\tName of School & Address\tInclusive Years\n" +
			"Tertiary\tBachelor of Science in\tSilliman University\t2012 – 2016\n" +
			"Accountancy\tHibbard Avenue, Dumaguete City\n" +
			"Secondary —\tHoly Cross High School\t2008 – 2012",
			[]eduWant{{"Bachelor of Science in Accountancy", "Silliman University", "Hibbard Avenue, Dumaguete City", "2012", "2016"},
				{"Secondary", "Holy Cross High School", "", "2008", "2012"}}, nil},
	})
}

// A count of credits or passes after the certificate's dash ("– 8
// credits", "– 5 distinctions", "– 3 A passes") is its result, not the
// school: the school on the line below stays the institution.
func TestVariationCreditsCountIsTheResult(t *testing.T) {
	runEduGPA(t, []eduGPACase{
		{"credits", "2019\tSchool Certificate (SC) – 8 credits\nQueen Elizabeth College Rose Hill",
			[]eduWant{{"School Certificate (SC)", "Queen Elizabeth College Rose Hill", "", "", "2019"}}, []string{"8 credits"}},
		{"passes with a grade", "2011\tGCE Advanced Level – 3 A passes\nAnanda College, Colombo",
			[]eduWant{{"GCE Advanced Level", "Ananda College", "Colombo", "", "2011"}}, []string{"3 A passes"}},
	})
}

// A bracket closing the school's name with the candidate's rank
// ("(admise au rang 212)", "(classée 3e)", "(ranked 4th of 120)") is a
// note, not part of the name.
func TestVariationRankAfterSchool(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"admise au rang", "2016\tAgrégation externe de physique-chimie, Académie de Grenoble (admise au rang 87)",
			[]eduWant{{"Agrégation externe de physique-chimie", "Académie de Grenoble", "", "", "2016"}}, []string{"admise au rang 87"}},
		{"classée", "2014\tConcours d'entrée, École Normale Supérieure de Rennes (classée 3e)",
			[]eduWant{{"Concours d'entrée", "École Normale Supérieure de Rennes", "", "", "2014"}}, []string{"classée 3e"}},
		{"ranked", "2010 – 2014\tB.Tech Chemical Engineering, Regional Engineering College Warangal (ranked 4th of 120)",
			[]eduWant{{"B.Tech Chemical Engineering", "Regional Engineering College Warangal", "", "2010", "2014"}}, []string{"ranked 4th of 120"}},
	})
}

// A photographed table read by OCR: the column rules come out as bars
// before cells ("| Copperbelt University"), a cell left open wraps onto a
// line of its own under it ("Chemistry)"), and a line opening with a bar
// goes on a cell after the first ("| School").
func TestVariationPhotographedTableCells(t *testing.T) {
	runEduDesc(t, []eduDescCase{
		{"bars and wraps", "Qualification\t| Institution\n" +
			"Diploma in Education (Biology and\t| Copperbelt University\n" +
			"Geography)\n" +
			"School Certificate\tKasama Girls Technical Secondary\n" +
			"| School",
			[]eduWant{{"Diploma in Education (Biology and Geography)", "Copperbelt University", "", "", ""},
				{"School Certificate", "Kasama Girls Technical Secondary School", "", "", ""}}, nil},
	})
}
