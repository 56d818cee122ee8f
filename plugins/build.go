package plugins

// Build turns one entry file into one JS function expression (see the package
// doc). Why it is shaped the way it is:
//   - The bundle's entry is a virtual module, "flexrun:entry", that imports the
//     plugin and passes its namespace to __flexrun_exports. So the ESM output
//     keeps no import or export statement, only statements that run inside
//     the async function, where top-level await is an ordinary await.
//   - The wrapper's first lines are esbuild's Banner, so that the source map
//     counts them. The closing "})" is added after the map comment: goja only
//     reads "//# sourceMappingURL=" from the last line that is neither empty
//     nor "})" (parser.extractSourceMapLine).
//   - "use strict": ESM code is strict; inside the wrapper it would not be.
//   - The source map is rewritten for goja (gojaSourceMap). That code lives
//     here, making the file a little longer than usual, because it is only
//     meaningful as part of this wrapper.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/flexrun/flexrun/jsapi"
)

// Bundle is one compiled entry file, ready for the engine.
type Bundle struct {
	// Path is the absolute path of the entry file, symlinks resolved (as
	// esbuild resolves them in Files and in the source map). Compile names
	// the goja program after it.
	Path string
	// Code is a single JS function expression (see the package doc):
	// calling it with (__flexrun_require, __flexrun_exports, flex, Twilio,
	// the four timer functions, window, self, globalThis) runs the plugin
	// module and returns a Promise for the end of its top-level code.
	Code string
	// Files holds the absolute paths of every source file esbuild read for
	// this bundle (entry, relative imports, node_modules), sorted. Host
	// modules are not files and are not listed.
	Files []string
	// Shared maps each shared package the bundle imports (SharedPackages,
	// e.g. "react" or "react/jsx-runtime") to the file of the project's own
	// copy, where esbuild found one from the importing file. The host then
	// runs that copy, once per engine (ShareWith), instead of its stand-in.
	Shared map[string]string

	// sources are the source map's sources (real paths, or virtual
	// modules' names) and mappings its goja-form mappings: compile errors
	// are mapped through them.
	sources  []string
	mappings string
}

// Names used inside Code and in source maps.
const (
	requireHook   = "__flexrun_require"
	exportsHook   = "__flexrun_exports"
	hostNamespace = "flexrun-host"
	// entryNamespace holds the virtual entry module, entrySource. Outside the
	// "file" namespace, esbuild names a module "namespace:path" in source
	// maps and metafiles; with that URL scheme goja shows the name as it is
	// instead of resolving it against the program name.
	entryNamespace = "flexrun"
	entrySource    = entryNamespace + ":entry"

	// flex and Twilio are parameters so that a plugin's free references to
	// the globals reach its own module instance: what it registers through
	// them is stamped with its owner.
	// So are the timer functions: a plugin's timers are its own wherever
	// it sets them from. And so are window, self and globalThis, the way
	// in to all of these for code that spells them window.Twilio.Flex.
	// All of them are on the banner's first line, which maps to nothing,
	// so their length moves no source map column.
	wrapperHead = "(async function (" + requireHook + ", " + exportsHook +
		", flex, Twilio, setTimeout, setInterval, clearTimeout, clearInterval, window, self, globalThis) {\n\"use strict\";"
	wrapperTail = "})\n"
)

// HostModules returns the bare module names that the host provides at run
// time. They are never bundled: an import of one of them, or of a subpath such
// as "react/jsx-runtime", from plugin code or from node_modules, becomes a call
// to __flexrun_require with the full specifier, whose result esbuild treats as
// a CommonJS module.exports. So, for a host object F:
//
//	import * as Flex from "@twilio/flex-ui" // a namespace: getters for F's own properties, plus "default"
//	import { Actions } from "@twilio/flex-ui" // F.Actions
//	import Flex from "@twilio/flex-ui"      // F itself (see below)
//	const Flex = require("@twilio/flex-ui") // F itself
//
// The default import follows esbuild's (and Babel's) CommonJS interop: it is F
// itself, unless F has a truthy __esModule property, in which case it is
// F.default. In .mjs files and "type": "module" packages (Node mode) it is
// always F. The namespace's keys are F's own property names when the module
// is first imported. The slice is new on every call.
func HostModules() []string {
	return []string{"@twilio/flex-ui", "@twilio/flex-plugin", "flex-plugin", "react", "react-dom", "redux", "react-redux", "@twilio/flex-ui-core", "flexrun"}
}

// SharedPackages returns the host modules that Flex provides to every
// plugin from one copy (webpack externals in a Flex plugin build). A plugin
// project has them installed, being its dependencies: when esbuild finds
// the project's copy, the host runs it, one instance per engine for all
// plugins (Bundle.Shared); without one the host's stand-in serves. The
// slice is new on every call.
func SharedPackages() []string { return []string{"react", "react-dom", "redux", "react-redux"} }

// HostModule reports whether the import specifier spec is provided by the
// host: one of HostModules or a subpath of one ("@twilio/flex-ui/x").
func HostModule(spec string) bool {
	for _, m := range HostModules() {
		if spec == m || strings.HasPrefix(spec, m+"/") {
			return true
		}
	}
	return false
}

// Build bundles the plugin entry file at path (JS, TS, JSX, TSX; ESM or
// CommonJS) with everything it imports, except host modules, into a Bundle.
// It reads the files on every call and caches nothing; it is safe to call from
// any goroutine.
//
// A missing entry file gives an error wrapping the os error
// (errors.Is(err, os.ErrNotExist) works). Syntax errors, unresolvable imports
// and every other esbuild error give a *CompileError holding all of them; so
// does a file, the entry or one it imports, that flexrun will not read: one
// that is not a regular file (a named pipe, a device), is larger than
// MaxSourceSize, cannot be opened, or is not UTF-8 text (a UTF-16 byte
// order mark, NUL bytes).
func Build(path string) (*Bundle, error) {
	named, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("build plugin: %w", err)
	}
	// esbuild reports real paths; so does Bundle, to name files alike.
	abs, err := filepath.EvalSymlinks(named)
	if err != nil {
		return nil, fmt.Errorf("build plugin: %w", err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("build plugin: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("build plugin: %s is a directory", abs)
	}
	if err := checkSource(abs, true); err != nil {
		return nil, fileDiagnostic(named, err) // a link to /dev/zero: name the link
	}

	// esbuild needs an output path for the source map to be relative to. It
	// writes nothing there (Write is false); a directory of its own keeps the
	// name from clashing with an input file.
	quoted, _ := json.Marshal(abs) // a JSON string is a JS string literal
	return bundle(abs, fmt.Sprintf("import * as m from %s;\n%s(m);\n", quoted, exportsHook))
}

// bundle builds the virtual entry module src, which imports the file abs,
// into a Bundle named after abs.
func bundle(abs, src string) (*Bundle, error) {
	dir := filepath.Dir(abs)
	outdir := filepath.Join(dir, ".flexrun")
	shared := &sharedFinds{found: map[string]string{}}
	configs := &configCheck{}
	if path, err := configs.check(dir); err != nil { // the entry's: esbuild reads them first
		return nil, fileDiagnostic(path, err)
	}
	res := api.Build(buildOptions(src, dir, filepath.Join(outdir, "bundle.js"), shared, configs))
	if len(res.Errors) > 0 {
		return nil, newCompileError(res.Errors)
	}

	var js, sm []byte
	for _, f := range res.OutputFiles {
		switch {
		case strings.HasSuffix(f.Path, ".map"):
			sm = f.Contents
		case strings.HasSuffix(f.Path, ".js"):
			js = f.Contents
		}
	}
	if js == nil || sm == nil {
		return nil, fmt.Errorf("build plugin %s: esbuild returned no output", abs)
	}
	files, err := inputFiles(res.Metafile)
	if err != nil {
		return nil, fmt.Errorf("build plugin %s: metafile: %w", abs, err)
	}
	sm, m, sources, err := gojaSourceMap(sm, outdir, files)
	if err != nil {
		return nil, fmt.Errorf("build plugin %s: source map: %w", abs, err)
	}
	b := &Bundle{Path: abs, Code: wrap(helperIntrinsics(js), sm), Files: files, sources: sources, mappings: m.Mappings}
	if len(shared.found) > 0 {
		b.Shared = shared.found
	}
	return b, nil
}

// buildOptions is the one place where esbuild is configured.
func buildOptions(entrySrc, dir, outfile string, shared *sharedFinds, configs *configCheck) api.BuildOptions {
	return api.BuildOptions{
		EntryPoints:   []string{entrySource},
		AbsWorkingDir: dir,
		Outfile:       outfile,
		Write:         false,
		Bundle:        true,
		Format:        api.FormatESModule,
		Platform:      api.PlatformBrowser,
		Banner:        map[string]string{"js": wrapperHead},

		// goja runs ES2022 and most of it natively; what it cannot parse is
		// lowered. Regexp flags it rejects become "new RegExp" calls, so the
		// plugin still loads and only that expression throws.
		Target: api.ES2022,
		Supported: map[string]bool{
			"async-generator":      false,
			"for-await":            false,
			"import-meta":          false, // becomes {}
			"regexp-match-indices": false,
			"regexp-set-notation":  false,
			"top-level-await":      true, // the bundle runs inside an async function
			// goja's class field initializers read a wrong stack slot when
			// an arrow field uses this in a class declared inside a
			// function that got arguments ("Value is not an Object", or a
			// panic with private members): lowered, fields are assignments
			// in the constructor.
			"class-field":                   false,
			"class-private-field":           false,
			"class-private-method":          false,
			"class-private-accessor":        false,
			"class-private-static-field":    false,
			"class-private-static-method":   false,
			"class-private-static-accessor": false,
			"class-private-brand-check":     false,
			"class-static-field":            false,
		},

		// Classic JSX with the host's React; many Flex plugins keep JSX in .js.
		JSX:         api.JSXTransform,
		JSXFactory:  "React.createElement",
		JSXFragment: "React.Fragment",
		Loader: map[string]api.Loader{".js": api.LoaderJSX,
			// Assets a plugin imports become data: URLs, as the Flex plugin
			// builder's url-loader makes them (nothing is served).
			".png": api.LoaderDataURL, ".jpg": api.LoaderDataURL, ".jpeg": api.LoaderDataURL, ".gif": api.LoaderDataURL,
			".webp": api.LoaderDataURL, ".ico": api.LoaderDataURL, ".bmp": api.LoaderDataURL,
			".mp3": api.LoaderDataURL, ".wav": api.LoaderDataURL, ".ogg": api.LoaderDataURL,
			".woff": api.LoaderDataURL, ".woff2": api.LoaderDataURL, ".ttf": api.LoaderDataURL, ".eot": api.LoaderDataURL,
		},

		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		LegalComments:  api.LegalCommentsNone,
		Metafile:       true,
		AbsPaths:       api.LogAbsPath | api.MetafileAbsPath,
		LogLevel:       api.LogLevelSilent,
		Plugins:        []api.Plugin{sourceFilesPlugin(configs), entryPlugin(entrySrc, dir), hostPlugin(shared), svgPlugin(), polyfillPlugin()},
	}
}

// entryPlugin provides the virtual entry module, src: for a plugin, it
// imports the plugin and hands its module namespace to __flexrun_exports.
func entryPlugin(src, dir string) api.Plugin {
	return api.Plugin{
		Name: entryNamespace,
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^` + regexp.QuoteMeta(entrySource) + `$`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.Kind != api.ResolveEntryPoint {
					return api.OnResolveResult{}, nil // an import that looks like ours: not ours
				}
				return api.OnResolveResult{Path: "entry", Namespace: entryNamespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: entryNamespace}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
				return api.OnLoadResult{Contents: &src, ResolveDir: dir, Loader: api.LoaderJS}, nil
			})
		},
	}
}

// hostPlugin resolves host modules, and their subpaths, to virtual CommonJS
// modules that ask the host for the module object; esbuild's interop helpers
// then give each import form what HostModules documents. For a shared
// package it also looks for the project's own copy, as esbuild would
// resolve it from the importer, and notes it in shared.
func hostPlugin(shared *sharedFinds) api.Plugin {
	filter := specFilter(HostModules())
	isShared := regexp.MustCompile(specFilter(SharedPackages()))
	return api.Plugin{
		Name: hostNamespace,
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: filter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.PluginData == resolveProbe {
					return api.OnResolveResult{}, nil // the probe below: esbuild resolves it
				}
				if isShared.MatchString(a.Path) {
					res := b.Resolve(a.Path, api.ResolveOptions{
						Importer: a.Importer, ResolveDir: a.ResolveDir, Kind: a.Kind, PluginData: resolveProbe,
					})
					if len(res.Errors) == 0 && res.Namespace == "file" && filepath.IsAbs(res.Path) {
						shared.add(a.Path, res.Path)
					}
				}
				return api.OnResolveResult{Path: a.Path, Namespace: hostNamespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: hostNamespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				quoted, _ := json.Marshal(a.Path)
				src := fmt.Sprintf("module.exports = %s(%s);\n", requireHook, quoted)
				return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
			})
		},
	}
}

// svgPlugin loads an .svg file as create-react-app's loader (which the
// Flex plugin builder uses) does: the default export is its URL, and
// ReactComponent renders it.
func svgPlugin() api.Plugin {
	return api.Plugin{
		Name: "flexrun-svg",
		Setup: func(b api.PluginBuild) {
			b.OnLoad(api.OnLoadOptions{Filter: `\.svg$`}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := os.ReadFile(a.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				url, _ := json.Marshal("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(data))
				src := fmt.Sprintf(`import * as React from "react";
const url = %s;
export default url;
export const ReactComponent = (props) => React.createElement("svg", Object.assign({ "data-src": url }, props));
`, url)
				return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS, ResolveDir: filepath.Dir(a.Path)}, nil
			})
		},
	}
}

// polyfillPlugin resolves a Node.js built-in to the browser version that
// webpack 4 put in its place (webpack4Polyfills) when the project has it
// installed: "https" to https-browserify. Without it, esbuild's error
// stands, with a note saying what to install (diag.go).
func polyfillPlugin() api.Plugin {
	names := make([]string, 0, len(webpack4Polyfills))
	for n := range webpack4Polyfills {
		names = append(names, n)
	}
	slices.Sort(names)
	filter := `^(node:)?(` + strings.Join(names, "|") + `)$`
	return api.Plugin{
		Name: "flexrun-polyfill",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: filter}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.PluginData == resolveProbe {
					return api.OnResolveResult{}, nil
				}
				name := strings.TrimPrefix(a.Path, "node:")
				res := b.Resolve(webpack4Polyfills[name]+"/", api.ResolveOptions{
					Importer: a.Importer, ResolveDir: a.ResolveDir, Kind: a.Kind, PluginData: resolveProbe,
				})
				if len(res.Errors) > 0 {
					return api.OnResolveResult{}, nil // esbuild reports it, diag.go adds the advice
				}
				return api.OnResolveResult{Path: res.Path, Namespace: res.Namespace}, nil
			})
		},
	}
}

// specFilter is an esbuild filter for the module names and their subpaths.
func specFilter(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	return `^(` + strings.Join(quoted, "|") + `)(/.*)?$`
}

// resolveProbe marks a resolution flexrun's own plugins ask esbuild for (a
// shared package's project copy, a polyfill), so they let esbuild answer it.
const resolveProbe = "flexrun: probe the project's node_modules"

// sharedFinds collects Bundle.Shared; esbuild resolves in parallel.
type sharedFinds struct {
	mu    sync.Mutex
	found map[string]string
}

func (s *sharedFinds) add(spec, file string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.found[spec]; !ok { // the first importer's copy
		s.found[spec] = file
	}
}

// wrap closes the banner's function around the bundle, with the source map
// inlined on the line before the closing "})".
// helperIntrinsics makes esbuild's runtime helpers at the head of a bundle
// (`var __defProp = Object.defineProperty;`) read the functions the engine
// captured at start (jsapi.HelperIntrinsicsName), so that a plugin that
// replaced Object.defineProperty cannot break the start of later plugins.
// Only those declaration lines change, in place: the lines after them, and
// so the source map, stay as they were.
func helperIntrinsics(js []byte) []byte {
	var head []byte // the rewritten lines so far; nil while nothing changed
	done := 0       // js[:done] is in head (or unchanged)
	for start, i := 0, 0; start < len(js); i++ {
		end := bytes.IndexByte(js[start:], '\n') + start + 1
		if end == start { // no newline: the last line
			end = len(js)
		}
		l := js[start:end]
		t := bytes.TrimSpace(l)
		if !bytes.HasPrefix(t, []byte("var __")) {
			if i > 4 && len(t) > 0 { // past the banner: the helpers come first, and end here
				break
			}
		} else if eq := bytes.Index(l, []byte(" = Object.")); eq > 0 && bytes.HasSuffix(t, []byte(";")) && bytes.Count(t, []byte(" ")) == 3 {
			// Outside a flexrun engine (a bare goja runtime) the binding is absent: Object serves.
			from := " = (typeof " + jsapi.HelperIntrinsicsName + ` == "object" ? ` + jsapi.HelperIntrinsicsName + " : Object)."
			head = append(append(append(append(head, js[done:start]...), l[:eq]...), from...), l[eq+len(" = Object."):]...)
			done = end
		}
		start = end
	}
	if head == nil {
		return js
	}
	return append(head, js[done:]...)
}

func wrap(js, sm []byte) string {
	var b strings.Builder
	b.Grow(len(js) + base64.StdEncoding.EncodedLen(len(sm)) + 64)
	b.Write(js)
	if len(js) > 0 && js[len(js)-1] != '\n' {
		b.WriteByte('\n')
	}
	b.WriteString("//# sourceMappingURL=data:application/json;base64,")
	b.WriteString(base64.StdEncoding.EncodeToString(sm))
	b.WriteString("\n")
	b.WriteString(wrapperTail)
	return b.String()
}

// sourceMap holds the fields of an esbuild source map that flexrun keeps.
type sourceMap struct {
	Version  int               `json:"version"`
	Sources  []string          `json:"sources"`
	Names    []json.RawMessage `json:"names"`
	Mappings string            `json:"mappings"`
}

// gojaSourceMap rewrites esbuild's source map for goja, and returns it with
// the real paths of its sources:
//
//   - Sources, which esbuild writes relative to the output directory dir,
//     become absolute file paths, so frames name the file the same way however
//     the engine names the program. goja reads them as URLs, so they are
//     escaped ("per%2520cent.js" for per%20cent.js; a tab is "%09").
//     esbuild writes a backslash in a file name as "/": the real name is
//     the one among files, the bundle's inputs, that it stands for. Sources
//     with a URL scheme (the virtual modules) are kept.
//   - Columns become 1-based. The source map format counts columns from 0, but
//     goja (file.File.Position) looks a position up with its 1-based column and
//     reports the mapped column as it is; without the shift every mapped column
//     is one too small and a lookup can land on the next segment.
func gojaSourceMap(data []byte, dir string, files []string) ([]byte, sourceMap, []string, error) {
	var m sourceMap
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, m, nil, err
	}
	slashed := make(map[string]string, len(files))
	for _, f := range files {
		slashed[strings.ReplaceAll(f, `\`, "/")] = f
	}
	real := make([]string, len(m.Sources))
	for i, s := range m.Sources {
		p := absoluteSource(s, dir)
		real[i] = p
		if !filepath.IsAbs(p) {
			continue
		}
		if f, ok := slashed[p]; ok && !slices.Contains(files, p) {
			real[i] = f
		}
		m.Sources[i] = programName(real[i])
	}
	mappings, err := shiftColumns(m.Mappings)
	if err != nil {
		return nil, m, nil, err
	}
	m.Mappings = mappings
	out, err := json.Marshal(m)
	return out, m, real, err
}

func absoluteSource(s, dir string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return s
	case u.Scheme == "file":
		return filepath.FromSlash(u.Path)
	case u.Scheme != "":
		return s
	}
	p, err := url.PathUnescape(s)
	if err != nil {
		return s
	}
	return filepath.Join(dir, filepath.FromSlash(p))
}

// shiftColumns adds 1 to every generated and every original column of a
// "mappings" string. Both are delta-encoded: the generated column restarts
// on every line, so only each line's first segment changes; the original
// column runs on through the whole string, so only the first segment that
// has one changes.
func shiftColumns(mappings string) (string, error) {
	lines := strings.Split(mappings, ";")
	sourceDone := false
	for i, line := range lines {
		if line == "" {
			continue
		}
		seg, rest, _ := strings.Cut(line, ",")
		f, err := decodeVLQs(seg)
		if err != nil {
			return "", err
		}
		f[0]++
		if !sourceDone && len(f) >= 4 {
			f[3]++
			sourceDone = true
		}
		line = encodeVLQs(f)
		for !sourceDone && rest != "" {
			// The first original column is on a later segment of this line.
			seg, rest, _ = strings.Cut(rest, ",")
			if f, err = decodeVLQs(seg); err != nil {
				return "", err
			}
			if len(f) >= 4 {
				f[3]++
				sourceDone = true
			}
			line += "," + encodeVLQs(f)
		}
		if rest != "" {
			line += "," + rest
		}
		lines[i] = line
	}
	return strings.Join(lines, ";"), nil
}

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// decodeVLQs decodes one segment: base64 VLQ numbers, sign in the low bit.
func decodeVLQs(seg string) ([]int, error) {
	var out []int
	shift, acc := 0, 0
	for i := 0; i < len(seg); i++ {
		d := strings.IndexByte(base64Digits, seg[i])
		if d < 0 {
			return nil, fmt.Errorf("bad mapping digit %q", seg[i])
		}
		acc += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		v := acc >> 1
		if acc&1 != 0 {
			v = -v
		}
		out = append(out, v)
		shift, acc = 0, 0
	}
	if shift != 0 || len(out) == 0 {
		return nil, fmt.Errorf("bad mapping segment %q", seg)
	}
	return out, nil
}

func encodeVLQs(vs []int) string {
	var b strings.Builder
	for _, v := range vs {
		u := v << 1
		if v < 0 {
			u = (-v)<<1 | 1
		}
		for {
			d := u & 31
			u >>= 5
			if u != 0 {
				d |= 32
			}
			b.WriteByte(base64Digits[d])
			if u == 0 {
				break
			}
		}
	}
	return b.String()
}

// inputFiles lists the absolute file paths among the metafile's inputs;
// virtual modules (the entry, host modules) are not absolute paths.
func inputFiles(metafile string) ([]string, error) {
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, err
	}
	files := make([]string, 0, len(meta.Inputs))
	for p := range meta.Inputs {
		if filepath.IsAbs(p) {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	return files, nil
}
