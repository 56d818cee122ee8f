package world

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// File is a world file: the seed of the headless Flex world.
//
// Fields use omitzero so that a parsed File marshals back to the shape it was
// read from: absent parts stay absent and an empty {} or [] stays empty.
type File struct {
	Worker               *Worker        `json:"worker,omitzero"`
	Activities           []Activity     `json:"activities,omitzero"`
	Tasks                []Task         `json:"tasks,omitzero"`
	Conversations        []Conversation `json:"conversations,omitzero"`
	ServiceConfiguration map[string]any `json:"serviceConfiguration,omitzero"`
	AppConfig            map[string]any `json:"appConfig,omitzero"`
	// Token is a pointer so that an explicit "" (no token) differs from absent.
	Token   *string           `json:"token,omitzero"`
	Env     map[string]string `json:"env,omitzero"`
	Confirm []bool            `json:"confirm,omitzero"` // answers for window.confirm, in order
	HTTP    []HTTPResponse    `json:"http,omitzero"`
	Clock   string            `json:"clock,omitzero"` // "", "real" or "virtual"
}

// Worker is the signed-in worker.
type Worker struct {
	Sid        string         `json:"sid,omitzero"`
	Name       string         `json:"name,omitzero"`
	Activity   string         `json:"activity,omitzero"` // an activity's name or sid
	Attributes map[string]any `json:"attributes,omitzero"`
}

// Activity is a TaskRouter activity the worker can be in.
type Activity struct {
	Sid       string `json:"sid"`
	Name      string `json:"name"`
	Available bool   `json:"available,omitzero"`
}

// Task is a task reservation of the worker; Sid is the reservation (WR…), TaskSid the task (WT…).
type Task struct {
	Sid                   string         `json:"sid"`
	TaskSid               string         `json:"taskSid,omitzero"`
	TaskChannelUniqueName string         `json:"taskChannelUniqueName,omitzero"`
	TaskChannelSid        string         `json:"taskChannelSid,omitzero"`
	Status                string         `json:"status,omitzero"`
	QueueName             string         `json:"queueName,omitzero"`
	QueueSid              string         `json:"queueSid,omitzero"`
	WorkerSid             string         `json:"workerSid,omitzero"`
	ConversationSid       string         `json:"conversationSid,omitzero"` // a Conversations sid (CH…); need not be in the file
	ChannelSid            string         `json:"channelSid,omitzero"`      // a Flex 1.x chat channel sid
	Age                   int            `json:"age,omitzero"`
	Priority              int            `json:"priority,omitzero"`
	Attributes            map[string]any `json:"attributes,omitzero"`
	Conference            *Conference    `json:"conference,omitzero"`
}

// Conference is the voice conference of a task.
type Conference struct {
	Sid          string        `json:"sid,omitzero"`
	Participants []Participant `json:"participants,omitzero"`
}

// Participant is one call leg of a conference.
type Participant struct {
	Sid             string `json:"sid,omitzero"`
	ParticipantType string `json:"participantType,omitzero"` // customer, worker, external, …
	Status          string `json:"status,omitzero"`
	WorkerSid       string `json:"workerSid,omitzero"`
	CallSid         string `json:"callSid,omitzero"`
	Hold            bool   `json:"hold,omitzero"`
	Muted           bool   `json:"muted,omitzero"`
}

// Conversation is a chat conversation with its messages so far.
type Conversation struct {
	Sid          string    `json:"sid"`
	FriendlyName string    `json:"friendlyName,omitzero"`
	Messages     []Message `json:"messages,omitzero"`
}

// Message is one message of a conversation.
type Message struct {
	Sid        string         `json:"sid,omitzero"`
	Author     string         `json:"author,omitzero"`
	Body       string         `json:"body,omitzero"`
	Attributes map[string]any `json:"attributes,omitzero"`
}

// HTTPResponse is a canned answer to a plugin's fetch; JSON and Body are exclusive.
type HTTPResponse struct {
	Method  string            `json:"method,omitzero"` // upper case; "" means GET
	URL     string            `json:"url"`
	Status  int               `json:"status,omitzero"` // 0 means 200
	JSON    json.RawMessage   `json:"json,omitzero"`   // as written in the file: its key order is kept
	Body    *string           `json:"body,omitzero"`
	Headers map[string]string `json:"headers,omitzero"`
	Repeat  bool              `json:"repeat,omitzero"` // answer every matching request, not just the next one
}

// FileError is a problem in a world file, placed by its JSON path or, for a syntax error, by line and column.
type FileError struct {
	File      string // the file's name as given to ParseFile
	Path      string // JSON path of the offending value, like tasks[0].sid
	Line, Col int    // 1-based place of a syntax error (Col counts characters)
	Msg       string
}

// Error renders the problem as "file: path: msg" or "file: line L col C: msg".
func (e *FileError) Error() string {
	switch {
	case e.Path != "":
		return fmt.Sprintf("%s: %s: %s", e.File, e.Path, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d col %d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// taskStatuses are the reservation statuses a world file's task may have.
var taskStatuses = []string{"pending", "reserved", "assigned", "accepted", "wrapping", "completed", "canceled", "rejected", "timeout", "transferring"}

// Defaults returns the default world, a fresh value on every call.
func Defaults() *File {
	token := "tok-123"
	return &File{
		Worker: &Worker{Sid: "WK1", Name: "alice", Activity: "Available", Attributes: map[string]any{}},
		Activities: []Activity{
			{Sid: "WA1", Name: "Available", Available: true},
			{Sid: "WA2", Name: "On a Task", Available: true},
			{Sid: "WA3", Name: "Break"},
			{Sid: "WA4", Name: "Offline"},
			{Sid: "WA5", Name: "Busy"},
		},
		ServiceConfiguration: map[string]any{"ui_attributes": map[string]any{}},
		AppConfig:            map[string]any{},
		Token:                &token,
		Env:                  map[string]string{},
	}
}

// ReadFile reads and parses the world file at path; errors name the path.
func ReadFile(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseFile(path, data)
}

// ParseFile parses and strictly validates a world file; name is only used in errors, which are *FileError.
func ParseFile(name string, data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, jsonSyntaxError(name, data, err)
	}
	if rest := bytes.TrimLeft(data[dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		line, col := lineCol(data, len(data)-len(rest))
		return nil, &FileError{File: name, Line: line, Col: col, Msg: "unexpected data after the JSON value"}
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, &FileError{File: name, Msg: "want a JSON object at the top level, got " + jsonType(v)}
	}
	if path, msg := fileShape.walk("", v); msg != "" {
		return nil, &FileError{File: name, Path: path, Msg: msg}
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil { // cannot fail once the walk passed
		return nil, &FileError{File: name, Msg: err.Error()}
	}
	for i := range f.HTTP {
		h := &f.HTTP[i]
		h.Method = strings.ToUpper(h.Method)
		if len(h.JSON) > 0 {
			var b bytes.Buffer
			if err := json.Compact(&b, h.JSON); err != nil { // valid: the walk passed
				return nil, &FileError{File: name, Msg: err.Error()}
			}
			h.JSON = b.Bytes()
		}
	}
	if path, msg := f.check(); msg != "" {
		return nil, &FileError{File: name, Path: path, Msg: msg}
	}
	return &f, nil
}

// jsonSyntaxError places a JSON decoding error by line and column.
func jsonSyntaxError(name string, data []byte, err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		line, col := lineCol(data, int(se.Offset)-1) // Offset is just past the offending byte
		return &FileError{File: name, Line: line, Col: col, Msg: se.Error()}
	case errors.Is(err, io.EOF) && len(bytes.TrimSpace(data)) == 0:
		return &FileError{File: name, Msg: "empty file, want a JSON object"}
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineCol(data, len(data))
		return &FileError{File: name, Line: line, Col: col, Msg: "unexpected end of JSON input"}
	}
	return &FileError{File: name, Msg: err.Error()}
}

// lineCol turns a byte offset into a 1-based line and character column.
func lineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return bytes.Count(data[:off], []byte("\n")) + 1, utf8.RuneCount(data[start:off]) + 1
}

// check makes the tests that span fields: unique sids and the worker's activity.
func (f *File) check() (path, msg string) {
	for _, dup := range [][2]string{
		firstDuplicate("activities", "sid", f.Activities, func(a Activity) string { return a.Sid }),
		firstDuplicate("activities", "name", f.Activities, func(a Activity) string { return a.Name }),
		firstDuplicate("tasks", "sid", f.Tasks, func(t Task) string { return t.Sid }),
		firstDuplicate("conversations", "sid", f.Conversations, func(c Conversation) string { return c.Sid }),
	} {
		if dup[1] != "" {
			return dup[0], dup[1]
		}
	}
	if f.Worker != nil && f.Worker.Activity != "" {
		acts := f.Activities
		if len(acts) == 0 {
			acts = Defaults().Activities
		}
		if _, ok := findActivity(acts, f.Worker.Activity); !ok {
			names := make([]string, len(acts))
			for i, a := range acts {
				names[i] = a.Name
			}
			return "worker.activity", fmt.Sprintf("%q is not an activity (want one of %s, by name or sid)", f.Worker.Activity, strings.Join(names, ", "))
		}
	}
	return "", ""
}

// firstDuplicate returns {path, problem} for the first item whose value repeats an earlier one's, or {"", ""}.
func firstDuplicate[T any](list, key string, items []T, value func(T) string) [2]string {
	seen := map[string]int{}
	for i, item := range items {
		v := value(item)
		if j, ok := seen[v]; ok {
			return [2]string{fmt.Sprintf("%s[%d].%s", list, i, key), fmt.Sprintf("duplicate %s %q (also %s[%d])", key, v, list, j)}
		}
		seen[v] = i
	}
	return [2]string{}
}

// findActivity finds an activity by name or sid.
func findActivity(acts []Activity, nameOrSid string) (Activity, bool) {
	for _, a := range acts {
		if a.Name == nameOrSid || a.Sid == nameOrSid {
			return a, true
		}
	}
	return Activity{}, false
}

// WithDefaults returns a deep copy of f in which every absent part takes its default (see Defaults).
// The worker's activity becomes the name of the activity it names, and HTTP methods and statuses are filled in.
func (f *File) WithDefaults() *File {
	d := Defaults()
	if f == nil {
		return d
	}
	out := f.clone()
	if len(out.Activities) == 0 {
		out.Activities = d.Activities
	}
	if out.Worker == nil {
		out.Worker = &Worker{}
	}
	w := out.Worker
	w.Sid = cmp.Or(w.Sid, d.Worker.Sid)
	w.Name = cmp.Or(w.Name, d.Worker.Name)
	if a, ok := findActivity(out.Activities, w.Activity); ok {
		w.Activity = a.Name
	} else if w.Activity == "" {
		w.Activity = firstAvailable(out.Activities)
	}
	if w.Attributes == nil {
		w.Attributes = map[string]any{}
	}
	if out.Token == nil {
		out.Token = d.Token
	}
	if out.ServiceConfiguration == nil {
		out.ServiceConfiguration = map[string]any{}
	}
	if _, ok := out.ServiceConfiguration["ui_attributes"]; !ok {
		out.ServiceConfiguration["ui_attributes"] = map[string]any{}
	}
	if out.AppConfig == nil {
		out.AppConfig = d.AppConfig
	}
	if out.Env == nil {
		out.Env = d.Env
	}
	for i := range out.Tasks {
		t := &out.Tasks[i]
		if t.TaskSid == "" && strings.HasPrefix(t.Sid, "WR") {
			t.TaskSid = "WT" + t.Sid[2:]
		}
		t.TaskChannelUniqueName = cmp.Or(t.TaskChannelUniqueName, "voice")
		t.Status = cmp.Or(t.Status, "pending")
		t.QueueName = cmp.Or(t.QueueName, "Everyone")
		t.QueueSid = cmp.Or(t.QueueSid, "WQ1")
		if t.Attributes == nil {
			t.Attributes = map[string]any{}
		}
	}
	for i := range out.HTTP {
		h := &out.HTTP[i]
		h.Method = cmp.Or(strings.ToUpper(h.Method), "GET")
		h.Status = cmp.Or(h.Status, 200)
	}
	return out
}

// firstAvailable names the first available activity, else the first activity.
func firstAvailable(acts []Activity) string {
	for _, a := range acts {
		if a.Available {
			return a.Name
		}
	}
	if len(acts) > 0 {
		return acts[0].Name
	}
	return ""
}

// clone copies f deeply, so that changing the copy cannot change f.
func (f *File) clone() *File {
	c := *f
	if f.Worker != nil {
		w := *f.Worker
		w.Attributes = cloneJSONMap(w.Attributes)
		c.Worker = &w
	}
	c.Activities = slices.Clone(f.Activities)
	c.Tasks = slices.Clone(f.Tasks)
	for i := range c.Tasks {
		t := &c.Tasks[i]
		t.Attributes = cloneJSONMap(t.Attributes)
		if t.Conference != nil {
			cf := *t.Conference
			cf.Participants = slices.Clone(cf.Participants)
			t.Conference = &cf
		}
	}
	c.Conversations = slices.Clone(f.Conversations)
	for i := range c.Conversations {
		cv := &c.Conversations[i]
		cv.Messages = slices.Clone(cv.Messages)
		for j := range cv.Messages {
			cv.Messages[j].Attributes = cloneJSONMap(cv.Messages[j].Attributes)
		}
	}
	c.ServiceConfiguration = cloneJSONMap(f.ServiceConfiguration)
	c.AppConfig = cloneJSONMap(f.AppConfig)
	if f.Token != nil {
		t := *f.Token
		c.Token = &t
	}
	c.Env = maps.Clone(f.Env)
	c.Confirm = slices.Clone(f.Confirm)
	c.HTTP = slices.Clone(f.HTTP)
	for i := range c.HTTP {
		h := &c.HTTP[i]
		h.JSON = slices.Clone(h.JSON)
		if h.Body != nil {
			b := *h.Body
			h.Body = &b
		}
		h.Headers = maps.Clone(h.Headers)
	}
	return &c
}

// cloneJSONMap copies a JSON object deeply.
func cloneJSONMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = cloneJSON(v)
	}
	return out
}

// cloneJSON copies a JSON value deeply.
func cloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return cloneJSONMap(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cloneJSON(e)
		}
		return out
	}
	return v
}

// The schema walker: shape says what a JSON value must look like.

type shapeKind int

const (
	kString shapeKind = iota
	kBool
	kInt
	kArray
	kObject // only the listed keys
	kMap    // free-form object
	kStrMap // free-form keys, string values
	kAny    // any JSON value
)

// shape is the expected form of a JSON value.
type shape struct {
	kind  shapeKind
	keys  map[string]*shape  // kObject: the allowed keys
	need  []string           // kObject: the required keys
	elem  *shape             // kArray: the form of each element
	check func(v any) string // further test of a value of the right type: the problem, or ""
}

var (
	plainString = &shape{kind: kString}
	plainBool   = &shape{kind: kBool}
	freeObject  = &shape{kind: kMap}
	freeValue   = &shape{kind: kAny}
	stringMap   = &shape{kind: kStrMap}
)

// objectShape is an object with only the given keys, of which need are required.
func objectShape(keys map[string]*shape, need ...string) *shape {
	return &shape{kind: kObject, keys: keys, need: need}
}

// listShape is an array of elem.
func listShape(elem *shape) *shape { return &shape{kind: kArray, elem: elem} }

// stringShape is a string shape whose value test is check.
func stringShape(check func(s string) string) *shape {
	return &shape{kind: kString, check: func(v any) string { return check(v.(string)) }}
}

// intShape is an integer shape with a value in [lo, hi].
func intShape(lo, hi int64) *shape {
	return &shape{kind: kInt, check: func(v any) string {
		if n, _ := v.(json.Number).Int64(); n < lo || n > hi {
			return fmt.Sprintf("want %d to %d, got %d", lo, hi, n)
		}
		return ""
	}}
}

// sidShape is a sid or name: required ones must not be empty, and one that is not empty starts with prefix.
func sidShape(prefix string, required bool) *shape {
	return stringShape(func(s string) string {
		switch {
		case s == "" && required:
			return "required"
		case s != "" && (!strings.HasPrefix(s, prefix) || s == prefix):
			return fmt.Sprintf("want a sid starting with %s, got %q", prefix, s)
		}
		return ""
	})
}

// enumShape is a string that is one of values.
func enumShape(values ...string) *shape {
	return stringShape(func(s string) string {
		if !slices.Contains(values, s) {
			return fmt.Sprintf("want one of %s, got %q", quoteAll(values), s)
		}
		return ""
	})
}

func quoteAll(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return strings.Join(q, ", ")
}

var urlShape = stringShape(func(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("want an absolute http or https URL, got %q", s)
	}
	return ""
})

var methodShape = stringShape(func(s string) string {
	if strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return fmt.Sprintf("want an HTTP method like GET, got %q", s)
	}
	return ""
})

var httpShape = &shape{kind: kObject, need: []string{"url"}, keys: map[string]*shape{
	"method": methodShape, "url": urlShape, "status": intShape(100, 599),
	"json": freeValue, "body": plainString, "headers": stringMap, "repeat": plainBool,
}, check: func(v any) string {
	m := v.(map[string]any)
	_, hasJSON := m["json"]
	_, hasBody := m["body"]
	if hasJSON && hasBody {
		return "json and body are exclusive: give one"
	}
	return ""
}}

var fileShape = objectShape(map[string]*shape{
	"worker": objectShape(map[string]*shape{
		"sid": plainString, "name": plainString, "activity": plainString, "attributes": freeObject,
	}),
	"activities": listShape(objectShape(map[string]*shape{
		"sid": sidShape("", true), "name": sidShape("", true), "available": plainBool,
	}, "sid", "name")),
	"tasks": listShape(objectShape(map[string]*shape{
		"sid":                   sidShape("WR", true),
		"taskSid":               sidShape("WT", false),
		"taskChannelUniqueName": plainString,
		"taskChannelSid":        plainString,
		"status":                enumShape(append([]string{""}, taskStatuses...)...),
		"queueName":             plainString,
		"queueSid":              plainString,
		"workerSid":             plainString,
		"conversationSid":       plainString,
		"channelSid":            plainString,
		"age":                   intShape(0, 1<<31-1),
		"priority":              intShape(0, 1<<31-1),
		"attributes":            freeObject,
		"conference": objectShape(map[string]*shape{
			"sid": plainString,
			"participants": listShape(objectShape(map[string]*shape{
				"sid": plainString, "participantType": plainString, "status": plainString,
				"workerSid": plainString, "callSid": plainString, "hold": plainBool, "muted": plainBool,
			})),
		}),
	}, "sid")),
	"conversations": listShape(objectShape(map[string]*shape{
		"sid":          sidShape("", true),
		"friendlyName": plainString,
		"messages": listShape(objectShape(map[string]*shape{
			"sid": plainString, "author": plainString, "body": plainString, "attributes": freeObject,
		})),
	}, "sid")),
	"serviceConfiguration": freeObject,
	"appConfig":            freeObject,
	"token":                plainString,
	"env":                  stringMap,
	"confirm":              listShape(plainBool),
	"http":                 listShape(httpShape),
	"clock":                enumShape("", "real", "virtual"),
})

// walk checks v, found at path, against s and returns the first problem's path and message ("" when none).
// Object keys are visited in sorted order, so the problem reported is always the same one.
func (s *shape) walk(path string, v any) (string, string) {
	if s.kind != kAny && jsonType(v) != s.kind.jsonType() {
		return path, "want " + s.kind.want() + ", got " + jsonType(v)
	}
	switch s.kind {
	case kInt:
		if _, err := v.(json.Number).Int64(); err != nil {
			return path, "want an integer, got " + v.(json.Number).String()
		}
	case kArray:
		for i, e := range v.([]any) {
			if p, msg := s.elem.walk(fmt.Sprintf("%s[%d]", path, i), e); msg != "" {
				return p, msg
			}
		}
	case kObject:
		m := v.(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			ks, ok := s.keys[k]
			if !ok {
				return jsonPathJoin(path, k), "unknown key"
			}
			if p, msg := ks.walk(jsonPathJoin(path, k), m[k]); msg != "" {
				return p, msg
			}
		}
		for _, k := range s.need {
			if _, ok := m[k]; !ok {
				return jsonPathJoin(path, k), "required"
			}
		}
	case kStrMap:
		m := v.(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if _, ok := m[k].(string); !ok {
				return jsonPathJoin(path, k), "want a string, got " + jsonType(m[k])
			}
		}
	}
	if s.check != nil {
		if msg := s.check(v); msg != "" {
			return path, msg
		}
	}
	return "", ""
}

// jsonPathJoin appends key to a JSON path: .key for a plain name, ["key"] otherwise.
func jsonPathJoin(path, key string) string {
	plain := key != ""
	for i, r := range key {
		if !(r == '_' || r == '$' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			plain = false
		}
	}
	switch {
	case !plain:
		return path + "[" + strconv.Quote(key) + "]"
	case path == "":
		return key
	}
	return path + "." + key
}

// jsonType names the JSON type of a value decoded with UseNumber.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

func (k shapeKind) jsonType() string {
	return [...]string{kString: "string", kBool: "boolean", kInt: "number", kArray: "array", kObject: "object", kMap: "object", kStrMap: "object", kAny: ""}[k]
}

func (k shapeKind) want() string {
	return [...]string{kString: "a string", kBool: "a boolean", kInt: "an integer", kArray: "an array", kObject: "an object", kMap: "an object", kStrMap: "an object", kAny: "a value"}[k]
}
