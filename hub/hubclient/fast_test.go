package hubclient

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/utopiahire/utopiahire/hub"
)

// TestFastMessageMatchesJSON: the fast path must decode exactly what
// encoding/json decodes, and leave anything unusual to the slow path.
func TestFastMessageMatchesJSON(t *testing.T) {
	tests := []struct {
		line string
		fast bool
	}{
		{`{"op":"message","channel":"room:1","epoch":"ab12","offset":7,"data":{"a":1}}`, true},
		{`{"op":"message","channel":"room:1","epoch":"ab12","offset":18446744073709551615,"data":"x"}`, true},
		{`{"op":"message","channel":"room:1","epoch":"ab12","offset":3,"data":{"t":"\",\"offset\":9,\"data\":","n":[1,{"}":"{"}]}}`, true},
		{`{"op":"message","channel":"room:1","epoch":"ab12","offset":3,"data":null}`, true},
		{`{"op":"message","channel":"room:1","epoch":"ab12","data":1,"offset":3}`, false},
		{`{"channel":"room:1","op":"message","epoch":"ab12","offset":3,"data":1}`, false},
		{`{"op":"message","channel":"room:1","epoch":"ab12","offset":,"data":1}`, false},
		{`{"op":"message", "channel":"room:1","epoch":"ab12","offset":3,"data":1}`, false},
	}
	for _, tc := range tests {
		var got []Message
		c := &Client{subs: map[string]*Subscription{}}
		s := &Subscription{c: c, channel: "room:1", opts: SubscribeOptions{OnMessage: func(m Message) { got = append(got, m) }}}
		c.subs["room:1"] = s
		if fast := c.fastMessage([]byte(tc.line)); fast != tc.fast {
			t.Errorf("%s: fast path taken = %v, want %v", tc.line, fast, tc.fast)
			continue
		}
		if !tc.fast {
			continue
		}
		var f hub.Frame
		if err := json.Unmarshal([]byte(tc.line), &f); err != nil {
			t.Fatalf("%s: %v", tc.line, err)
		}
		want := []Message{{Channel: f.Channel, Position: hub.StreamPosition{Epoch: f.Epoch, Offset: f.Offset}, Data: f.Data}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-json +fast):\n%s", tc.line, diff)
		}
	}
}
