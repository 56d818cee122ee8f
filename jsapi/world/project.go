package world

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/dop251/goja/parser"
	"github.com/flexrun/flexrun/engine"
)

// Project is what flexrun reads from a plugin project directory, as Flex's tooling does.
type Project struct {
	Env       map[string]string // process.env entries from .env then .<profile>.env (later wins)
	AppConfig map[string]any    // from public/appConfig.js, nil when absent
}

// appConfigBudget is how long public/appConfig.js may run before it is stopped.
const appConfigBudget = time.Second

// ReadProject reads dir's .env, then .<profile>.env when profile is not "", and public/appConfig.js.
// Missing files are fine. warn, when not nil, hears of each entry that plugins will not see.
func ReadProject(dir string, profile string, warn func(string)) (*Project, error) {
	if warn == nil {
		warn = func(string) {}
	}
	names := []string{".env"}
	if profile != "" {
		if strings.ContainsAny(profile, `/\`) || profile == "." || profile == ".." {
			return nil, fmt.Errorf("profile %q: want a plain name, not a path", profile)
		}
		names = append(names, "."+profile+".env")
	}
	p := &Project{Env: map[string]string{}}
	for _, name := range names {
		path := filepath.Join(dir, name)
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if err := parseDotenv(path, data, p.Env, warn); err != nil {
			return nil, err
		}
	}
	path := filepath.Join(dir, "public", "appConfig.js")
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	if p.AppConfig, err = evalAppConfig(path, string(src)); err != nil {
		return nil, err
	}
	return p, nil
}

// parseDotenv adds the FLEX_APP_* and REACT_APP_* entries of a dotenv file to env.
//
// A line is KEY=VALUE, optionally after "export "; blank lines and lines
// starting with # are skipped. A value may be 'single quoted' (taken as is),
// "double quoted" (\n, \r, \t, \" and \\ are escapes), or bare, where a #
// after white space starts a comment and surrounding white space is trimmed.
func parseDotenv(path string, data []byte, env map[string]string, warn func(string)) error {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for i, line := range strings.Split(string(data), "\n") {
		key, value, err := parseDotenvLine(strings.TrimSuffix(line, "\r"))
		if err != nil {
			return fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		switch {
		case key == "":
		case strings.HasPrefix(key, "FLEX_APP_") || strings.HasPrefix(key, "REACT_APP_"):
			env[key] = value
		default:
			warn(fmt.Sprintf("%s:%d: %s is not passed to plugins (only FLEX_APP_* and REACT_APP_* reach process.env)", path, i+1, key))
		}
	}
	return nil
}

// parseDotenvLine splits one dotenv line; key is "" for a blank or comment line.
func parseDotenvLine(line string) (key, value string, err error) {
	s := strings.TrimSpace(line)
	if s == "" || s[0] == '#' {
		return "", "", nil
	}
	if rest, ok := strings.CutPrefix(s, "export"); ok && rest != "" && (rest[0] == ' ' || rest[0] == '\t') {
		s = strings.TrimSpace(rest)
	}
	key, raw, ok := strings.Cut(s, "=")
	key = strings.TrimSpace(key)
	if !ok {
		return "", "", fmt.Errorf("want KEY=VALUE, got %q", line)
	}
	if !isEnvName(key) {
		return "", "", fmt.Errorf("%q is not a variable name", key)
	}
	if v := strings.TrimLeft(raw, " \t"); v == "" || (v[0] != '"' && v[0] != '\'') {
		for i := 1; i < len(raw); i++ {
			if raw[i] == '#' && (raw[i-1] == ' ' || raw[i-1] == '\t') {
				raw = raw[:i]
				break
			}
		}
		return key, strings.TrimSpace(raw), nil
	}
	raw = strings.TrimLeft(raw, " \t")
	quote := raw[0]
	var b strings.Builder
	for i := 1; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == quote:
			if rest := strings.TrimSpace(raw[i+1:]); rest != "" && rest[0] != '#' {
				return "", "", fmt.Errorf("%s: unexpected %q after the closing quote", key, rest)
			}
			return key, b.String(), nil
		case c == '\\' && quote == '"' && i+1 < len(raw):
			i++
			switch e := raw[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case '"', '\\':
				b.WriteByte(e)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", "", fmt.Errorf("%s: missing closing %c", key, quote)
}

// isEnvName reports whether s is a dotenv variable name: letters, digits, _, . and -, not starting with a digit.
func isEnvName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r == '.' || r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != ""
}

// evalAppConfig runs an appConfig.js file (var appConfig = {...};) in a fresh runtime and returns appConfig as JSON data.
func evalAppConfig(path, src string) (map[string]any, error) {
	prog, err := compileAppConfig(path, src)
	if err != nil {
		return nil, err
	}
	rt := goja.New()
	stringify, _ := goja.AssertFunction(rt.GlobalObject().Get("JSON").ToObject(rt).Get("stringify")) // before the file can replace it
	if err := rt.Set("window", rt.GlobalObject()); err != nil {
		return nil, err
	}
	timer := time.AfterFunc(appConfigBudget, func() { rt.Interrupt("timeout") })
	defer timer.Stop()
	if _, err := rt.RunProgram(prog); err != nil {
		return nil, appConfigError(path, err)
	}
	// typeof reaches a const or let appConfig too, which is not a property of the global object.
	v, err := rt.RunString(`typeof appConfig === "undefined" ? undefined : appConfig`)
	if err != nil {
		return nil, appConfigError(path, err)
	}
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Object" {
		what := "undefined"
		if ok && obj.ClassName() == "Array" {
			what = "an array"
		} else if ok {
			what = "a " + strings.ToLower(obj.ClassName())
		} else if !goja.IsUndefined(v) {
			what = v.String()
		}
		return nil, fmt.Errorf("%s: want appConfig to be an object (var appConfig = {...}), got %s", path, what)
	}
	data, err := stringify(goja.Undefined(), obj) // functions and undefined drop out, as in JSON
	if err != nil {
		return nil, appConfigError(path, err)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(data.String()), &out); err != nil {
		return nil, fmt.Errorf("%s: appConfig: %v", path, err)
	}
	return out, nil
}

// compileAppConfig compiles an appConfig.js file; a syntax error names the file, line and column.
func compileAppConfig(path, src string) (*goja.Program, error) {
	prg, err := parser.ParseFile(nil, path, src, 0)
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return nil, fmt.Errorf("%s:%d:%d: syntax error: %s", path, list[0].Position.Line, list[0].Position.Column, list[0].Message)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	prog, err := engine.CompileAST(prg, false)
	var se *goja.CompilerSyntaxError
	if errors.As(err, &se) && se.File != nil {
		pos := se.File.Position(se.Offset)
		return nil, fmt.Errorf("%s:%d:%d: syntax error: %s", path, pos.Line, pos.Column, se.Message)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return prog, nil
}

// appConfigError names the file in an error from running it.
func appConfigError(path string, err error) error {
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		return fmt.Errorf("%s: still running after %v, stopped", path, appConfigBudget)
	}
	return fmt.Errorf("%s: %v", path, err)
}
