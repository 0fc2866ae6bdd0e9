package cvparse

import "testing"

// A Congolese form asks the "Post-nom" after the "Nom": the name is the
// given name, then both family names, as its holder signs.
func TestPostnomLabel(t *testing.T) {
	tests := []struct{ name, form, want string }{
		{"cells", "Nom\tKASONGO\nPost-nom\tMWAMBA\nPrénom\tJoseph\n", "Joseph KASONGO MWAMBA"},
		{"colons", "Nom : ILUNGA\nPostnom : TSHIBANDA\nPrénom : Grâce\n", "Grâce ILUNGA TSHIBANDA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ParseText("CURRICULUM VITAE\n\nIDENTITÉ\n" + tt.form + "Téléphone : +243 81 555 12 34\n\nCOMPÉTENCES\nAutoCAD, Excel\n")
			if c.Contact.Name != tt.want {
				t.Errorf("name = %q, want %q", c.Contact.Name, tt.want)
			}
		})
	}
}
