package web_test

import (
	"context"
	"fmt"
	"os"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi/web"
)

// An engine with the browser globals and nothing else of flexrun's surface.
func ExampleInstall() {
	e, err := engine.New(engine.Options{Setup: func(v *engine.VM) error {
		web.Install(v, web.Options{Dialogs: web.Dialogs{
			Stdout:  os.Stdout,
			Confirm: func(message string) bool { return false },
		}})
		return nil
	}})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	err = e.Do(context.Background(), func(v *engine.VM) error {
		res, err := v.Runtime().RunString(`
			alert("Task accepted");
			const u = new URL("https://flex.example.com/tasks?sid=WT1");
			[u.searchParams.get("sid"), atob(btoa("flex")), confirm("Wrap up?")].join(" ");
		`)
		if err == nil {
			fmt.Println(res)
		}
		return err
	})
	if err != nil {
		panic(err)
	}
	// Output:
	// [alert] Task accepted
	// [confirm] Wrap up?
	// WT1 flex false
}
