package world_test

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/flexruntest"
	"github.com/flexrun/flexrun/jsapi/world"
)

// TestBuiltinNames compares the actions registered by the world's owner
// with the catalogue of what Flex UI 1.x registers itself.
func TestBuiltinNames(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/builtin-actions.txt")
	require.NoError(t, err)
	defer f.Close()
	var want []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			want = append(want, line)
		}
	}
	require.NoError(t, sc.Err())
	require.Len(t, want, 53)

	e := flexruntest.New(t, flexruntest.Options{})
	regs, err := e.Registrations(context.Background(), world.Owner)
	require.NoError(t, err)
	var have []string
	for _, r := range regs {
		if r.Kind == "action" {
			have = append(have, r.Name)
		}
	}
	slices.Sort(want)
	require.Equal(t, want, have)
	require.Contains(t, regs, engine.Registration{Kind: "listener", Name: "beforeSendMessage", Owner: world.Owner},
		"Flex's own message length check")
}
