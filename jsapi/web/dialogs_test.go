package web_test

import (
	"slices"
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/jsapi"
)

// Options.Confirm answers confirm(); the default (nil) is covered by
// testdata/spec/dialogs.js.
func TestConfirmOption(t *testing.T) {
	t.Parallel()
	var asked []string // written on the loop, read after RunScript returns
	e := flexruntest.New(t, flexruntest.Options{JS: jsapi.Options{Confirm: func(message string) bool {
		asked = append(asked, message)
		return message == "Keep going?"
	}}})
	res := e.RunScript(`
		if (!window.confirm("Discard the draft?")) console.log("kept the draft");
		console.log(confirm("Keep going?"));
	`)
	if res.Err != nil {
		t.Fatalf("script: %s", res)
	}
	if want := "[confirm] Discard the draft?\nkept the draft\n[confirm] Keep going?\ntrue\n"; res.Stdout != want {
		t.Errorf("stdout = %q, want %q", res.Stdout, want)
	}
	if want := []string{"Discard the draft?", "Keep going?"}; !slices.Equal(asked, want) {
		t.Errorf("Confirm asked %q, want %q", asked, want)
	}
}
