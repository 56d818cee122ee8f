package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/flexrun/flexrun/engine"
	"github.com/flexrun/flexrun/jsapi"
)

// Close cancels a fetch in flight and waits for its goroutine: nothing
// JavaScript started outlives the engine.
func TestCloseCancelsFetchInFlight(t *testing.T) {
	t.Parallel()
	started, cancelled := make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
		close(cancelled)
	}))
	defer srv.Close()

	e, _, err := jsapi.New(jsapi.Options{}, engine.Options{})
	require.NoError(t, err)
	require.NoError(t, e.Do(context.Background(), func(v *engine.VM) error {
		_, err := v.Runtime().RunString(`fetch(` + "`" + srv.URL + "`" + `).catch(() => {})`)
		return err
	}))
	<-started
	require.NoError(t, e.Close())
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("the request was not cancelled by Close")
	}
}
