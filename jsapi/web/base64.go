package web

import (
	"encoding/base64"
	"strings"

	"github.com/dop251/goja"

	"github.com/flexrun/flexrun/internal/jsfunc"
)

// installBase64: atob and btoa with the HTML spec's forgiving base64 and
// Latin-1 strings (one character per byte).
func (w *web) installBase64() {
	rt := w.rt
	g := rt.GlobalObject()
	g.Set("btoa", jsfunc.New(rt, "btoa", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "btoa", 1)
		s := domString(rt, c.Argument(0))
		b := make([]byte, 0, len(s))
		for _, r := range s {
			if r > 0xFF {
				panic(w.newDOMException("Invalid character", "InvalidCharacterError"))
			}
			b = append(b, byte(r))
		}
		return rt.ToValue(base64.StdEncoding.EncodeToString(b))
	}))
	g.Set("atob", jsfunc.New(rt, "atob", 1, func(c goja.FunctionCall) goja.Value {
		w.requireArgs(c, "atob", 1)
		b, problem := forgivingBase64(domString(rt, c.Argument(0)))
		if problem != "" {
			panic(w.newDOMException(problem, "InvalidCharacterError"))
		}
		return rt.ToValue(latin1(b))
	}))
}

// forgivingBase64 decodes as https://infra.spec.whatwg.org/#forgiving-base64-decode;
// problem is Node's message when it fails.
func forgivingBase64(s string) (b []byte, problem string) {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\f', '\r', ' ':
			return -1
		}
		return r
	}, s)
	if len(s)%4 == 0 {
		if strings.HasSuffix(s, "==") {
			s = s[:len(s)-2]
		} else if strings.HasSuffix(s, "=") {
			s = s[:len(s)-1]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
			return nil, "Invalid character"
		}
	}
	b, err := base64.RawStdEncoding.DecodeString(s)
	if len(s)%4 == 1 || err != nil {
		return nil, "The string to be decoded is not correctly encoded."
	}
	return b, ""
}

// latin1 maps each byte to the character with that code.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
