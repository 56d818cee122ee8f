package web_test

import (
	"testing"

	"github.com/flexrun/flexrun/flexruntest"
)

// Storage belongs to one engine: two engines in a process share nothing,
// and an engine keeps its items from one script to the next.
func TestStoragePerEngine(t *testing.T) {
	t.Parallel()
	a := flexruntest.New(t, flexruntest.Options{})
	b := flexruntest.New(t, flexruntest.Options{})
	if res := a.RunScript(`localStorage.setItem("who", "a"); sessionStorage.setItem("s", "1");`); res.Err != nil {
		t.Fatal(res.Err)
	}
	res := b.RunScript(`console.log(localStorage.getItem("who"), sessionStorage.length);`)
	if res.Err != nil || res.Stdout != "null 0\n" {
		t.Errorf("engine b sees engine a's storage: %q %v", res.Stdout, res.Err)
	}
	res = a.RunScript(`console.log(localStorage.getItem("who"), sessionStorage.getItem("s"));`)
	if res.Err != nil || res.Stdout != "a 1\n" {
		t.Errorf("engine a lost its items between scripts: %q %v", res.Stdout, res.Err)
	}
}
