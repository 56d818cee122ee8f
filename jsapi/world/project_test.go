package world

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// writeProject makes a project directory holding files (slash-separated names).
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	}
	return dir
}

// readProject reads dir and returns the project and the warnings.
func readProject(t *testing.T, dir, profile string) (*Project, []string, error) {
	t.Helper()
	var warnings []string
	p, err := ReadProject(dir, profile, func(s string) { warnings = append(warnings, s) })
	return p, warnings, err
}

func TestProjectEmptyDir(t *testing.T) {
	t.Parallel()
	p, warnings, err := readProject(t, t.TempDir(), "dev")
	require.NoError(t, err)
	require.Equal(t, &Project{Env: map[string]string{}}, p)
	require.Empty(t, warnings)
}

func TestProjectEnvProfileWins(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		".env":      "FLEX_APP_A=base\nFLEX_APP_B=base\nFLEX_APP_A=again\n",
		".dev.env":  "FLEX_APP_B=dev\nREACT_APP_C=dev\n",
		".prod.env": "FLEX_APP_B=prod\n",
	})
	p, _, err := readProject(t, dir, "dev")
	require.NoError(t, err)
	require.Equal(t, map[string]string{"FLEX_APP_A": "again", "FLEX_APP_B": "dev", "REACT_APP_C": "dev"}, p.Env)

	p, _, err = readProject(t, dir, "")
	require.NoError(t, err)
	require.Equal(t, map[string]string{"FLEX_APP_A": "again", "FLEX_APP_B": "base"}, p.Env)

	p, _, err = readProject(t, dir, "staging") // no .staging.env: only .env
	require.NoError(t, err)
	require.Equal(t, map[string]string{"FLEX_APP_A": "again", "FLEX_APP_B": "base"}, p.Env)

	_, _, err = readProject(t, dir, "../dev")
	require.EqualError(t, err, `profile "../dev": want a plain name, not a path`)
}

func TestProjectEnvFiltersWithWarnings(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		".env":     "# settings\nFLEX_APP_OK=1\n\nFOO=bar\nexport SECRET=x\nREACT_APP_OK=2\n",
		".dev.env": "NODE_ENV=development\n",
	})
	p, warnings, err := readProject(t, dir, "dev")
	require.NoError(t, err)
	require.Equal(t, map[string]string{"FLEX_APP_OK": "1", "REACT_APP_OK": "2"}, p.Env)
	env, dev := filepath.Join(dir, ".env"), filepath.Join(dir, ".dev.env")
	require.Equal(t, []string{
		env + ":4: FOO is not passed to plugins (only FLEX_APP_* and REACT_APP_* reach process.env)",
		env + ":5: SECRET is not passed to plugins (only FLEX_APP_* and REACT_APP_* reach process.env)",
		dev + ":1: NODE_ENV is not passed to plugins (only FLEX_APP_* and REACT_APP_* reach process.env)",
	}, warnings)

	_, err = ReadProject(dir, "dev", nil) // a nil warn is fine
	require.NoError(t, err)
}

func TestProjectEnvQuoting(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{".env": "\uFEFF" + `FLEX_APP_PLAIN=plain value
FLEX_APP_SPACED =   spaced   
FLEX_APP_EMPTY=
FLEX_APP_COMMENT=value # a comment
FLEX_APP_HASH=a#b
FLEX_APP_ONLY_COMMENT= # nothing
FLEX_APP_SINGLE='it''s'
FLEX_APP_SINGLE_RAW='a\nb # not a comment'
FLEX_APP_DOUBLE="line1\nline2\t\"q\" \\ \x"  # comment
FLEX_APP_EQUALS=a=b=c
  export   FLEX_APP_EXPORTED="yes"
export=no
FLEX_APP_CRLF=crlf` + "\r\n" + `FLEX_APP_LAST=last`})
	p, warnings, err := readProject(t, dir, "")
	require.Error(t, err, "FLEX_APP_SINGLE has text after its closing quote")
	require.Nil(t, p)
	require.Empty(t, warnings)
	require.EqualError(t, err, filepath.Join(dir, ".env")+`:7: FLEX_APP_SINGLE: unexpected "'s'" after the closing quote`)

	dir = writeProject(t, map[string]string{".env": "\uFEFF" + `FLEX_APP_PLAIN=plain value
FLEX_APP_SPACED =   spaced   
FLEX_APP_EMPTY=
FLEX_APP_COMMENT=value # a comment
FLEX_APP_HASH=a#b
FLEX_APP_ONLY_COMMENT= # nothing
FLEX_APP_SINGLE='it is'
FLEX_APP_SINGLE_RAW='a\nb # not a comment'
FLEX_APP_DOUBLE="line1\nline2\t\"q\" \\ \x"  # comment
FLEX_APP_EQUALS=a=b=c
  export   FLEX_APP_EXPORTED="yes"
export=no
FLEX_APP_CRLF=crlf` + "\r\n" + `FLEX_APP_LAST=last`})
	p, warnings, err = readProject(t, dir, "")
	require.NoError(t, err)
	require.Equal(t, map[string]string{
		"FLEX_APP_PLAIN":        "plain value",
		"FLEX_APP_SPACED":       "spaced",
		"FLEX_APP_EMPTY":        "",
		"FLEX_APP_COMMENT":      "value",
		"FLEX_APP_HASH":         "a#b",
		"FLEX_APP_ONLY_COMMENT": "",
		"FLEX_APP_SINGLE":       "it is",
		"FLEX_APP_SINGLE_RAW":   `a\nb # not a comment`,
		"FLEX_APP_DOUBLE":       "line1\nline2\t\"q\" \\ \\x",
		"FLEX_APP_EQUALS":       "a=b=c",
		"FLEX_APP_EXPORTED":     "yes",
		"FLEX_APP_CRLF":         "crlf",
		"FLEX_APP_LAST":         "last",
	}, p.Env)
	require.Len(t, warnings, 1)
	require.Contains(t, warnings[0], ".env:12: export is not passed to plugins")
}

func TestProjectEnvMalformedLine(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, text, want string }{
		{"no equals", "FLEX_APP_A=1\nFLEX_APP_B\n", `:2: want KEY=VALUE, got "FLEX_APP_B"`},
		{"bad name", "FLEX APP=1\n", `:1: "FLEX APP" is not a variable name`},
		{"empty name", "=1\n", `:1: "" is not a variable name`},
		{"unterminated double quote", "\n\nFLEX_APP_A=\"open\n", `:3: FLEX_APP_A: missing closing "`},
		{"unterminated single quote", "FLEX_APP_A='open\n", `:1: FLEX_APP_A: missing closing '`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeProject(t, map[string]string{".env": tt.text})
			_, err := ReadProject(dir, "", nil)
			require.EqualError(t, err, filepath.Join(dir, ".env")+tt.want)
		})
	}
	dir := writeProject(t, map[string]string{".dev.env": "oops\n"})
	_, err := ReadProject(dir, "dev", nil)
	require.EqualError(t, err, filepath.Join(dir, ".dev.env")+`:1: want KEY=VALUE, got "oops"`)
}

func TestProjectAppConfig(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{"public/appConfig.js": `// your account sid
var accountSid = 'AC' + 'xxx';

var appConfig = {
  pluginService: {
    enabled: true,
    url: '/plugins', // served by the dev server
  },
  /* sso settings */
  sso: { accountSid: accountSid },
  ytica: false,
  logLevel: 'info',
  showSupervisorDesktopView: true,
  maxDelay: 1.5e3,
  colors: ['red', "blue", ],
  nothing: null,
  skipped: undefined,
  fn: function () { return 1; },
  'quoted-key': 1,
};
`})
	p, _, err := readProject(t, dir, "")
	require.NoError(t, err)
	require.Equal(t, map[string]any{
		"pluginService":             map[string]any{"enabled": true, "url": "/plugins"},
		"sso":                       map[string]any{"accountSid": "ACxxx"},
		"ytica":                     false,
		"logLevel":                  "info",
		"showSupervisorDesktopView": true,
		"maxDelay":                  1500.0,
		"colors":                    []any{"red", "blue"},
		"nothing":                   nil,
		"quoted-key":                1.0,
	}, p.AppConfig)
}

func TestProjectAppConfigForms(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`const appConfig = { a: 1 };`,
		`let appConfig = { a: 1 };`,
		`window.appConfig = { a: 1 };`,
		`appConfig = { a: 1 }`,
	} {
		dir := writeProject(t, map[string]string{"public/appConfig.js": src})
		p, _, err := readProject(t, dir, "")
		require.NoError(t, err, src)
		require.Equal(t, map[string]any{"a": 1.0}, p.AppConfig, src)
	}
}

func TestProjectAppConfigErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"syntax error", "var appConfig = {\n  a: 1\n  b: 2,\n};\n", ":3:3: syntax error: Unexpected identifier"},
		{"redeclared", "let appConfig = {};\nlet appConfig = {};\n", ":2:5: syntax error: Identifier 'appConfig' has already been declared"},
		{"runtime error", "var appConfig = { a: missing };", ": ReferenceError: missing is not defined"},
		{"no appConfig", "var config = {};", ": want appConfig to be an object (var appConfig = {...}), got undefined"},
		{"not an object", "var appConfig = 3;", ": want appConfig to be an object (var appConfig = {...}), got 3"},
		{"an array", "var appConfig = [];", ": want appConfig to be an object (var appConfig = {...}), got an array"},
		{"a function", "function appConfig() {}", ": want appConfig to be an object (var appConfig = {...}), got a function"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeProject(t, map[string]string{"public/appConfig.js": tt.src})
			_, err := ReadProject(dir, "", nil)
			require.Error(t, err)
			require.Contains(t, err.Error(), filepath.Join(dir, "public", "appConfig.js")+tt.want)
		})
	}
}

func TestProjectAppConfigRunawayIsStopped(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`while (true) {}`,
		`var appConfig = { toJSON() { for (;;) {} } };`,
	} {
		dir := writeProject(t, map[string]string{"public/appConfig.js": src})
		start := time.Now()
		_, err := ReadProject(dir, "", nil)
		require.EqualError(t, err, filepath.Join(dir, "public", "appConfig.js")+": still running after 1s, stopped", src)
		require.Less(t, time.Since(start), 10*time.Second, src)
	}
}
