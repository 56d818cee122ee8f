package engine_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/flexrun/flexrun/engine"
)

// A Go service registers an action in Go and invokes it through the Flex
// pipeline; JavaScript plugins loaded into the same engine could listen to
// it or replace it.
func ExampleEngine_Invoke() {
	e, err := engine.New(engine.Options{})
	if err != nil {
		panic(err)
	}
	defer e.Close()
	ctx := context.Background()

	e.RegisterAction(ctx, "LookupCustomer", func(ctx context.Context, p engine.Payload) (any, error) {
		if p["id"] != "C1" {
			return nil, errors.New("no such customer")
		}
		return map[string]any{"name": "Ada", "tier": "gold"}, nil
	})
	e.AddListener(ctx, "beforeLookupCustomer", func(ctx context.Context, ev engine.ListenerEvent) error {
		fmt.Println("before:", ev.Payload["id"])
		return nil
	})

	res, err := e.Invoke(ctx, "LookupCustomer", map[string]any{"id": "C1"})
	fmt.Println(res, err)
	_, err = e.Invoke(ctx, "LookupCustomer", map[string]any{"id": "C2"})
	fmt.Println(err)
	_, err = e.Invoke(ctx, "Ghost", nil)
	fmt.Println(errors.Is(err, engine.ErrUnknownAction))
	// Output:
	// before: C1
	// map[name:Ada tier:gold] <nil>
	// before: C2
	// action LookupCustomer (implementation, owner go): Error: no such customer
	// true
}
