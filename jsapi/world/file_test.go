package world

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFileParsesGoodFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data string
		check      func(t *testing.T, f *File)
	}{
		{"empty object", `{}`, func(t *testing.T, f *File) {
			require.Equal(t, &File{}, f)
		}},
		{"white space around", " \n\t{}\n\n", func(t *testing.T, f *File) {
			require.Equal(t, &File{}, f)
		}},
		{"explicit empty token", `{"token": ""}`, func(t *testing.T, f *File) {
			require.NotNil(t, f.Token)
			require.Equal(t, "", *f.Token)
		}},
		{"free-form maps take anything", `{"appConfig": {"Anything": [1, {"x": null}]}, "serviceConfiguration": {"foo": 1},
			"tasks": [{"sid": "WR1", "attributes": {"nmae": true}}], "http": [{"url": "http://h/", "json": [1, "two"]}]}`,
			func(t *testing.T, f *File) {
				require.Equal(t, []any{1.0, map[string]any{"x": nil}}, f.AppConfig["Anything"])
				require.Equal(t, map[string]any{"nmae": true}, f.Tasks[0].Attributes)
				require.Equal(t, json.RawMessage(`[1,"two"]`), f.HTTP[0].JSON, "as written, compacted")
			}},
		{"worker activity by sid of the defaults", `{"worker": {"activity": "WA3"}}`, func(t *testing.T, f *File) {
			require.Equal(t, "WA3", f.Worker.Activity)
		}},
		{"worker activity of the file", `{"worker": {"activity": "Lunch"}, "activities": [{"sid": "WA9", "name": "Lunch"}]}`, func(t *testing.T, f *File) {
			require.Equal(t, "Lunch", f.Worker.Activity)
		}},
		{"method upper-cased", `{"http": [{"method": "post", "url": "https://h.example/x"}]}`, func(t *testing.T, f *File) {
			require.Equal(t, "POST", f.HTTP[0].Method)
			require.Zero(t, f.HTTP[0].Status)
		}},
		{"conversation of a task need not exist", `{"tasks": [{"sid": "WR1", "conversationSid": "CH9", "channelSid": "CH8"}]}`, func(t *testing.T, f *File) {
			require.Equal(t, "CH9", f.Tasks[0].ConversationSid)
			require.Equal(t, "CH8", f.Tasks[0].ChannelSid)
		}},
		{"every status", `{"tasks": [{"sid": "WR1", "status": "pending"}, {"sid": "WR2", "status": "reserved"}, {"sid": "WR3", "status": "assigned"},
			{"sid": "WR4", "status": "accepted"}, {"sid": "WR5", "status": "wrapping"}, {"sid": "WR6", "status": "completed"},
			{"sid": "WR7", "status": "canceled"}, {"sid": "WR8", "status": "rejected"}, {"sid": "WR9", "status": "timeout"},
			{"sid": "WR10", "status": "transferring"}]}`, func(t *testing.T, f *File) {
			require.Len(t, f.Tasks, 10)
		}},
		{"real clock", `{"clock": "real"}`, func(t *testing.T, f *File) {
			require.Equal(t, "real", f.Clock)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ParseFile("world.json", []byte(tt.data))
			require.NoError(t, err)
			tt.check(t, f)
		})
	}
}

func TestFileReadsFullSample(t *testing.T) {
	t.Parallel()
	f, err := ReadFile(filepath.Join("testdata", "file", "full.json"))
	require.NoError(t, err)
	require.Equal(t, "alice", f.Worker.Name)
	require.Equal(t, []any{"en", "fr"}, f.Worker.Attributes["skills"])
	require.Equal(t, []Activity{{Sid: "WA1", Name: "Available", Available: true}, {Sid: "WA3", Name: "Break"}}, f.Activities)
	require.Len(t, f.Tasks, 2)
	require.Equal(t, 30, f.Tasks[0].Age)
	require.Equal(t, 5, f.Tasks[0].Priority)
	require.Equal(t, &Conference{Sid: "CF1", Participants: []Participant{
		{Sid: "CA2", ParticipantType: "customer", Status: "joined", Hold: true},
	}}, f.Tasks[0].Conference)
	require.Equal(t, "CH1", f.Tasks[1].ConversationSid)
	require.Equal(t, []Message{{Author: "customer", Body: "hi"}}, f.Conversations[0].Messages)
	require.Equal(t, "tok-123", *f.Token)
	require.Equal(t, map[string]string{"FLEX_APP_X": "1"}, f.Env)
	require.Equal(t, []bool{true, false}, f.Confirm)
	body := "ok"
	require.Equal(t, []HTTPResponse{
		{Method: "GET", URL: "https://crm.example.com/x", Status: 200, JSON: json.RawMessage(`{"id":7}`)},
		{Method: "POST", URL: "https://crm.example.com/notes", Status: 201, Body: &body, Headers: map[string]string{"Content-Type": "text/plain"}, Repeat: true},
	}, f.HTTP)
	require.Equal(t, "virtual", f.Clock)
}

func TestFileRejectsBadFiles(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, data, want string }{
		{"malformed JSON", "{\n  \"tasks\": [\n    {\"sid\": \"WR1\",}\n  ]\n}",
			`world.json: line 3 col 19: invalid character '}' looking for beginning of object key string`},
		{"columns count characters", "{\"é\": 1 2}", `world.json: line 1 col 9: invalid character '2' after object key:value pair`},
		{"truncated", "{\"tasks\": [\n", "world.json: line 2 col 1: unexpected end of JSON input"},
		{"empty", "  \n", "world.json: empty file, want a JSON object"},
		{"trailing data", "{}\n {}", "world.json: line 2 col 2: unexpected data after the JSON value"},
		{"not an object", `[]`, "world.json: want a JSON object at the top level, got array"},
		{"unknown top-level key", `{"tasks": [], "wroker": {}}`, "world.json: wroker: unknown key"},
		{"unknown nested key", `{"worker": {"nmae": "bob"}}`, "world.json: worker.nmae: unknown key"},
		{"unknown key deep down", `{"tasks": [{"sid": "WR1", "conference": {"participants": [{"sid": "CA1", "onHold": true}]}}]}`,
			"world.json: tasks[0].conference.participants[0].onHold: unknown key"},
		{"odd key is quoted", `{"http": [{"url": "http://h/", "the body": "x"}]}`, `world.json: http[0]["the body"]: unknown key`},
		{"keys are case-sensitive", `{"Worker": {}}`, "world.json: Worker: unknown key"},
		{"task without sid", `{"tasks": [{"sid": "WR1"}, {"status": "pending"}]}`, "world.json: tasks[1].sid: required"},
		{"task with empty sid", `{"tasks": [{"sid": ""}]}`, "world.json: tasks[0].sid: required"},
		{"task sid prefix", `{"tasks": [{"sid": "WT1"}]}`, `world.json: tasks[0].sid: want a sid starting with WR, got "WT1"`},
		{"task sid is only the prefix", `{"tasks": [{"sid": "WR"}]}`, `world.json: tasks[0].sid: want a sid starting with WR, got "WR"`},
		{"task taskSid prefix", `{"tasks": [{"sid": "WR1", "taskSid": "WR1"}]}`, `world.json: tasks[0].taskSid: want a sid starting with WT, got "WR1"`},
		{"wrong type string", `{"tasks": [{"sid": "WR1"}, {"sid": "WR2", "status": 3}]}`, "world.json: tasks[1].status: want a string, got number"},
		{"wrong type null", `{"token": null}`, "world.json: token: want a string, got null"},
		{"wrong type object", `{"worker": []}`, "world.json: worker: want an object, got array"},
		{"wrong type array", `{"tasks": {}}`, "world.json: tasks: want an array, got object"},
		{"wrong type bool", `{"activities": [{"sid": "WA1", "name": "A", "available": "yes"}]}`, "world.json: activities[0].available: want a boolean, got string"},
		{"wrong type attributes", `{"worker": {"attributes": "x"}}`, "world.json: worker.attributes: want an object, got string"},
		{"fractional integer", `{"tasks": [{"sid": "WR1", "age": 1.5}]}`, "world.json: tasks[0].age: want an integer, got 1.5"},
		{"negative age", `{"tasks": [{"sid": "WR1", "age": -1}]}`, "world.json: tasks[0].age: want 0 to 2147483647, got -1"},
		{"env value not a string", `{"env": {"FLEX_APP_X": 1}}`, "world.json: env.FLEX_APP_X: want a string, got number"},
		{"confirm entry not a boolean", `{"confirm": [true, "no"]}`, "world.json: confirm[1]: want a boolean, got string"},
		{"bad status", `{"tasks": [{"sid": "WR1", "status": "done"}]}`,
			`world.json: tasks[0].status: want one of "", "pending", "reserved", "assigned", "accepted", "wrapping", "completed", "canceled", "rejected", "timeout", "transferring", got "done"`},
		{"duplicate task sid", `{"tasks": [{"sid": "WR1"}, {"sid": "WR2"}, {"sid": "WR1"}]}`, `world.json: tasks[2].sid: duplicate sid "WR1" (also tasks[0])`},
		{"duplicate activity sid", `{"activities": [{"sid": "WA1", "name": "A"}, {"sid": "WA1", "name": "B"}]}`,
			`world.json: activities[1].sid: duplicate sid "WA1" (also activities[0])`},
		{"duplicate activity name", `{"activities": [{"sid": "WA1", "name": "A"}, {"sid": "WA2", "name": "A"}]}`,
			`world.json: activities[1].name: duplicate name "A" (also activities[0])`},
		{"activity without name", `{"activities": [{"sid": "WA1"}]}`, "world.json: activities[0].name: required"},
		{"duplicate conversation sid", `{"conversations": [{"sid": "CH1"}, {"sid": "CH1"}]}`, `world.json: conversations[1].sid: duplicate sid "CH1" (also conversations[0])`},
		{"unknown worker activity", `{"worker": {"activity": "Lunch"}}`,
			`world.json: worker.activity: "Lunch" is not an activity (want one of Available, On a Task, Break, Offline, Busy, by name or sid)`},
		{"worker activity of the defaults when the file has its own", `{"worker": {"activity": "Break"}, "activities": [{"sid": "WA1", "name": "Ready", "available": true}]}`,
			`world.json: worker.activity: "Break" is not an activity (want one of Ready, by name or sid)`},
		{"http json and body", `{"http": [{"url": "https://h.example/", "json": {}, "body": "x"}]}`, "world.json: http[0]: json and body are exclusive: give one"},
		{"http json null and body", `{"http": [{"url": "https://h.example/", "json": null, "body": "x"}]}`, "world.json: http[0]: json and body are exclusive: give one"},
		{"http without url", `{"http": [{"status": 200}]}`, "world.json: http[0].url: required"},
		{"http relative url", `{"http": [{"url": "/api/x"}]}`, `world.json: http[0].url: want an absolute http or https URL, got "/api/x"`},
		{"http other scheme", `{"http": [{"url": "ftp://h.example/x"}]}`, `world.json: http[0].url: want an absolute http or https URL, got "ftp://h.example/x"`},
		{"http status", `{"http": [{"url": "http://h/", "status": 600}]}`, "world.json: http[0].status: want 100 to 599, got 600"},
		{"http method", `{"http": [{"url": "http://h/", "method": "GET /"}]}`, `world.json: http[0].method: want an HTTP method like GET, got "GET /"`},
		{"http headers", `{"http": [{"url": "http://h/", "headers": {"X-N": 1}}]}`, `world.json: http[0].headers["X-N"]: want a string, got number`},
		{"bad clock", `{"clock": "fast"}`, `world.json: clock: want one of "", "real", "virtual", got "fast"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := ParseFile("world.json", []byte(tt.data))
			require.Nil(t, f)
			require.EqualError(t, err, tt.want)
			var fe *FileError
			require.True(t, errors.As(err, &fe), "%T is not a *FileError", err)
			require.Equal(t, "world.json", fe.File)
		})
	}
}

func TestFileErrorFields(t *testing.T) {
	t.Parallel()
	_, err := ParseFile("w.json", []byte("{\n\"worker\": {\"name\": 1}}"))
	require.Equal(t, &FileError{File: "w.json", Path: "worker.name", Msg: "want a string, got number"}, err)
	_, err = ParseFile("w.json", []byte("{\n  x}"))
	require.Equal(t, &FileError{File: "w.json", Line: 2, Col: 3, Msg: "invalid character 'x' looking for beginning of object key string"}, err)
}

func TestFileReadFileNamesThePath(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"clock": 1}`), 0o600))
	_, err := ReadFile(path)
	require.EqualError(t, err, path+": clock: want a string, got number")
	_, err = ReadFile(filepath.Join(t.TempDir(), "missing.json"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestFileDefaults(t *testing.T) {
	t.Parallel()
	d := Defaults()
	require.Equal(t, &Worker{Sid: "WK1", Name: "alice", Activity: "Available", Attributes: map[string]any{}}, d.Worker)
	require.Equal(t, []Activity{
		{Sid: "WA1", Name: "Available", Available: true},
		{Sid: "WA2", Name: "On a Task", Available: true},
		{Sid: "WA3", Name: "Break"},
		{Sid: "WA4", Name: "Offline"},
		{Sid: "WA5", Name: "Busy"},
	}, d.Activities)
	require.Empty(t, d.Tasks)
	require.Equal(t, "tok-123", *d.Token)
	require.Equal(t, map[string]any{"ui_attributes": map[string]any{}}, d.ServiceConfiguration)
	require.Equal(t, map[string]any{}, d.AppConfig)
	require.Equal(t, map[string]string{}, d.Env)

	d.Worker.Name = "changed"
	require.Equal(t, "alice", Defaults().Worker.Name, "Defaults must return a fresh value")
	require.Equal(t, Defaults(), (*File)(nil).WithDefaults())
	empty, err := ParseFile("world.json", []byte(`{}`))
	require.NoError(t, err)
	require.Equal(t, Defaults(), empty.WithDefaults())
}

func TestFileWithDefaultsFills(t *testing.T) {
	t.Parallel()
	f, err := ParseFile("world.json", []byte(`{
		"worker": {"name": "bob", "activity": "WA8"},
		"activities": [{"sid": "WA7", "name": "Away"}, {"sid": "WA8", "name": "Ready", "available": true}],
		"tasks": [{"sid": "WR5", "attributes": {"a": 1}}, {"sid": "WR6", "taskSid": "WT60", "status": "accepted", "queueName": "Sales", "queueSid": "WQ2", "taskChannelUniqueName": "chat"}],
		"serviceConfiguration": {"account_sid": "AC1"},
		"http": [{"url": "https://h.example/"}]
	}`))
	require.NoError(t, err)
	d := f.WithDefaults()
	require.Equal(t, &Worker{Sid: "WK1", Name: "bob", Activity: "Ready", Attributes: map[string]any{}}, d.Worker, "activity by sid becomes its name")
	require.Equal(t, f.Activities, d.Activities)
	require.Equal(t, []Task{
		{Sid: "WR5", TaskSid: "WT5", TaskChannelUniqueName: "voice", Status: "pending", QueueName: "Everyone", QueueSid: "WQ1", Attributes: map[string]any{"a": 1.0}},
		{Sid: "WR6", TaskSid: "WT60", TaskChannelUniqueName: "chat", Status: "accepted", QueueName: "Sales", QueueSid: "WQ2", Attributes: map[string]any{}},
	}, d.Tasks)
	require.Equal(t, map[string]any{"account_sid": "AC1", "ui_attributes": map[string]any{}}, d.ServiceConfiguration)
	require.Equal(t, "tok-123", *d.Token)
	require.Equal(t, map[string]any{}, d.AppConfig)
	require.Equal(t, map[string]string{}, d.Env)
	require.Equal(t, []HTTPResponse{{Method: "GET", URL: "https://h.example/", Status: 200}}, d.HTTP)

	// The worker without an activity takes the first available one.
	f, err = ParseFile("world.json", []byte(`{"worker": {"sid": "WK9"}, "activities": [{"sid": "WA7", "name": "Away"}, {"sid": "WA8", "name": "Ready", "available": true}]}`))
	require.NoError(t, err)
	require.Equal(t, &Worker{Sid: "WK9", Name: "alice", Activity: "Ready", Attributes: map[string]any{}}, f.WithDefaults().Worker)
	f, err = ParseFile("world.json", []byte(`{"activities": [{"sid": "WA7", "name": "Away"}]}`))
	require.NoError(t, err)
	require.Equal(t, "Away", f.WithDefaults().Worker.Activity, "no activity available: the first one")

	// An explicit empty token stays empty.
	f, err = ParseFile("world.json", []byte(`{"token": ""}`))
	require.NoError(t, err)
	require.Equal(t, "", *f.WithDefaults().Token)
}

func TestFileWithDefaultsCopies(t *testing.T) {
	t.Parallel()
	f, err := ReadFile(filepath.Join("testdata", "file", "full.json"))
	require.NoError(t, err)
	before, err := json.Marshal(f)
	require.NoError(t, err)
	d := f.WithDefaults()
	d.Worker.Attributes["skills"].([]any)[0] = "de"
	d.Tasks[0].Conference.Participants[0].Muted = true
	d.Conversations[0].Messages[0].Body = "changed"
	d.HTTP[0].JSON[0] = '['
	*d.HTTP[1].Body = "changed"
	d.Env["FLEX_APP_X"] = "2"
	*d.Token = "changed"
	after, err := json.Marshal(f)
	require.NoError(t, err)
	require.JSONEq(t, string(before), string(after), "WithDefaults must not share memory with f")
}

func TestFileRoundTrip(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"full.json", "empty.json"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := ReadFile(filepath.Join("testdata", "file", name))
			require.NoError(t, err)
			for _, v := range []*File{f, f.WithDefaults()} {
				data, err := json.MarshalIndent(v, "", "  ")
				require.NoError(t, err)
				back, err := ParseFile("back.json", data)
				require.NoError(t, err, "%s", data)
				require.Equal(t, v, back, "%s", data)
			}
		})
	}
}

// A parsed file marshals back to its own shape: same keys, nothing added.
func TestFileMarshalsToSameShape(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("testdata", "file", "full.json"))
	require.NoError(t, err)
	f, err := ParseFile("full.json", data)
	require.NoError(t, err)
	out, err := json.Marshal(f)
	require.NoError(t, err)
	var in map[string]any
	require.NoError(t, json.Unmarshal(data, &in))
	in["http"].([]any)[0].(map[string]any)["method"] = "GET" // methods are upper-cased
	require.JSONEq(t, mustJSON(t, in), string(out))
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data)
}
