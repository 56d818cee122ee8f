package golden

import (
	"bytes"
	"io"
	"testing"
)

// CheckProgram runs an example program's run function and compares what it
// prints with the golden file at path; it must not fail nor write to stderr.
func CheckProgram(t testing.TB, path string, run func(stdout, stderr io.Writer) error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(&stdout, &stderr); err != nil {
		t.Fatalf("run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("run wrote to stderr:\n%s", stderr.String())
	}
	Check(t, path, stdout.String())
}
