package plugins_test

import (
	"context"
	"os"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
	"github.com/flexrun/flexrun/plugins"
)

// A REPL runs the lines `flexrun dev` reads from stdin.
func ExampleREPL() {
	e, h, err := jsapi.New(jsapi.Options{Stdout: os.Stdout}, engine.Options{})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	r := plugins.NewREPL(e, h, plugins.REPLOptions{Out: os.Stdout, Err: os.Stdout})
	ctx := context.Background()
	for _, line := range []string{
		`flex.Actions.registerAction("Greet", async (p) => "hello " + p.name)`,
		`.invoke Greet {"name": "Ada"}`,
		`const greeting = await flex.Actions.invokeAction("Greet", { name: "Bo" })`,
		`greeting.toUpperCase()`,
		`.invoke Greet {name: "Cy"}`,
		`.exit`,
		`"not reached"`,
	} {
		if r.Exec(ctx, line) {
			break
		}
	}
	// Output:
	// undefined
	// 'hello Ada'
	// undefined
	// 'HELLO BO'
	// .invoke: the payload is not valid JSON at column 16: invalid character 'n' looking for beginning of object key string
	// .invoke Greet {name: "Cy"}
	//                ^
}
