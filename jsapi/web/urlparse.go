package web

import (
	"net"
	"strconv"
	"strings"
)

// A WHATWG URL parser for the URL class and fetch, written here because
// goja_nodejs's URL cleans paths with path.Clean: it drops trailing
// slashes ("https://x/v1/" becomes "https://x/v1") and resolves "tasks"
// against "https://x/v1/" to "https://x/tasks". This one follows the URL
// Standard for what plugins meet: special schemes (http, https, ws, wss,
// ftp, file), relative references, dot segments, default ports, the
// percent-encode sets, opaque paths (mailto:, data:). Left out: IPv4
// shorthand ("http://127.1"), Windows drive letters in file: URLs, and the
// "/." that keeps a hostless non-special path from reading as an authority.

type urlRecord struct {
	scheme             string // lowercase, without ":"
	username, password string // percent-encoded
	hasHost            bool
	host               string // lowercase ASCII, [v6] or an opaque host
	port               string // "" when none or the scheme's default
	path               string // "/a/b", or the opaque path
	opaque             bool
	hasQuery           bool
	query              string
	hasFragment        bool
	fragment           string
}

// specialPorts lists the special schemes with their default ports.
var specialPorts = map[string]string{"http": "80", "https": "443", "ws": "80", "wss": "443", "ftp": "21", "file": ""}

func isSpecialScheme(s string) bool { _, ok := specialPorts[s]; return ok }

// parseURLRecord parses input, relative to base when base is not nil.
// toASCII converts a non-ASCII domain (IDNA); it returns "" on failure.
func parseURLRecord(input string, base *urlRecord, toASCII func(string) string) (*urlRecord, bool) {
	input = strings.TrimFunc(input, func(r rune) bool { return r <= 0x20 })
	input = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(input)
	u := &urlRecord{}
	rest := input
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		u.hasFragment, u.fragment = true, percentEncode(rest[i+1:], fragmentSet)
		rest = rest[:i]
	}
	query, hasQuery := "", false
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		query, hasQuery, rest = rest[i+1:], true, rest[:i]
	}
	scheme, after, ok := splitScheme(rest)
	switch {
	case ok:
		u.scheme = scheme
		special := isSpecialScheme(scheme)
		if special {
			after = strings.ReplaceAll(after, "\\", "/")
		}
		switch {
		case special && base != nil && base.scheme == scheme && !strings.HasPrefix(after, "/"):
			if !u.resolve(after, base, toASCII) { // "http:x" against an http: base
				return nil, false
			}
			if after == "" && !hasQuery {
				hasQuery, query = base.hasQuery, base.query
			}
		case scheme == "file":
			if a, ok := strings.CutPrefix(after, "//"); ok {
				after = a
				if !u.parseAuthority(&after, toASCII) {
					return nil, false
				}
			} else {
				u.hasHost = true
			}
			u.path = parsePath(after, true)
		case special:
			after = strings.TrimLeft(after, "/")
			if !u.parseAuthority(&after, toASCII) {
				return nil, false
			}
			u.path = parsePath(after, true)
		case strings.HasPrefix(after, "//"):
			after = after[2:]
			if !u.parseAuthority(&after, toASCII) {
				return nil, false
			}
			u.path = parsePath(after, false)
		case strings.HasPrefix(after, "/"):
			u.path = parsePath(after, false)
		default:
			u.opaque, u.path = true, percentEncode(after, c0ControlSet)
		}
	case base == nil:
		return nil, false
	case base.opaque:
		if rest != "" || hasQuery || !u.hasFragment {
			return nil, false
		}
		fragment := u.fragment
		*u = *base
		u.hasFragment, u.fragment = true, fragment
		return u, true
	default:
		u.scheme = base.scheme
		if isSpecialScheme(u.scheme) {
			rest = strings.ReplaceAll(rest, "\\", "/")
		}
		if !u.resolve(rest, base, toASCII) {
			return nil, false
		}
		if rest == "" && !hasQuery {
			hasQuery, query = base.hasQuery, base.query
		}
	}
	if hasQuery {
		u.hasQuery, u.query = true, percentEncode(query, querySet(u.scheme))
	}
	return u, true
}

// splitScheme splits "scheme:rest" when s starts with a valid scheme.
func splitScheme(s string) (scheme, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(s[:i]), s[i+1:], true
		default:
			return "", "", false
		}
	}
	return "", "", false
}

// resolve sets the authority and path of a relative reference against base.
func (u *urlRecord) resolve(ref string, base *urlRecord, toASCII func(string) string) bool {
	special := isSpecialScheme(u.scheme)
	if a, ok := strings.CutPrefix(ref, "//"); ok {
		if special {
			a = strings.TrimLeft(a, "/")
		}
		if !u.parseAuthority(&a, toASCII) {
			return false
		}
		u.path = parsePath(a, special)
		return true
	}
	u.username, u.password, u.hasHost, u.host, u.port = base.username, base.password, base.hasHost, base.host, base.port
	switch {
	case strings.HasPrefix(ref, "/"):
		u.path = parsePath(ref, special)
	case ref == "":
		u.path = base.path
	default:
		dir := base.path[:strings.LastIndexByte(base.path, '/')+1]
		if dir == "" && (special || base.hasHost) {
			dir = "/"
		}
		u.path = parsePath(dir+ref, special)
	}
	return true
}

// parseAuthority consumes "userinfo@host:port" from the front of *s.
func (u *urlRecord) parseAuthority(s *string, toASCII func(string) string) bool {
	end := strings.IndexByte(*s, '/')
	if end < 0 {
		end = len(*s)
	}
	auth := (*s)[:end]
	*s = (*s)[end:]
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		user, pass, _ := strings.Cut(auth[:at], ":")
		u.username, u.password = percentEncode(user, userinfoSet), percentEncode(pass, userinfoSet)
		auth = auth[at+1:]
	}
	if strings.HasPrefix(auth, "[") {
		i := strings.IndexByte(auth, ']')
		if i < 0 || net.ParseIP(auth[1:i]) == nil || !strings.Contains(auth[1:i], ":") {
			return false
		}
		u.host, u.hasHost = strings.ToLower(auth[:i+1]), true
		auth = auth[i+1:]
		if auth != "" && auth[0] != ':' {
			return false
		}
	} else {
		host := auth
		if i := strings.LastIndexByte(auth, ':'); i >= 0 {
			host = auth[:i]
		}
		if !u.setHost(host, toASCII) {
			return false
		}
		auth = auth[len(host):]
	}
	if port := strings.TrimPrefix(auth, ":"); port != "" { // "http://host:/" has no port
		if u.host == "" || !u.setPort(port) {
			return false
		}
	}
	return true
}

// setHost validates and normalizes a host (not an IPv6 literal).
func (u *urlRecord) setHost(host string, toASCII func(string) string) bool {
	if !isSpecialScheme(u.scheme) {
		if strings.ContainsAny(host, " #/<>?@[\\]^|") {
			return false
		}
		u.host, u.hasHost = percentEncode(host, c0ControlSet), true
		return true
	}
	host = strings.ToLower(percentDecode(host))
	if host == "" && u.scheme != "file" {
		return false
	}
	for i := 0; i < len(host); i++ {
		if host[i] >= 0x80 {
			if host = toASCII(host); host == "" {
				return false
			}
			break
		}
	}
	if u.scheme == "file" && host == "localhost" {
		host = ""
	}
	if strings.ContainsAny(host, "\x00\t\n\r #%/:<>?@[\\]^|\x7f") {
		return false
	}
	u.host, u.hasHost = host, true
	return true
}

// setPort sets a decimal port; the scheme's default port reads as none.
func (u *urlRecord) setPort(port string) bool {
	n, err := strconv.Atoi(port)
	if err != nil || n < 0 || n > 65535 || strings.TrimLeft(port, "0123456789") != "" {
		return false
	}
	u.port = strconv.Itoa(n)
	if def, ok := specialPorts[u.scheme]; ok && def == u.port {
		u.port = ""
	}
	return true
}

// parsePath removes dot segments and percent-encodes a hierarchical path.
func parsePath(p string, special bool) string {
	if p == "" && !special {
		return ""
	}
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	out := make([]string, 0, len(segs))
	for i, seg := range segs {
		last := i == len(segs)-1
		switch strings.ToLower(seg) {
		case "..", ".%2e", "%2e.", "%2e%2e":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		case ".", "%2e":
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, percentEncode(seg, pathSet))
		}
	}
	return "/" + strings.Join(out, "/")
}

func (u *urlRecord) href() string {
	var b strings.Builder
	b.WriteString(u.scheme)
	b.WriteByte(':')
	if u.hasHost {
		b.WriteString("//")
		if u.username != "" || u.password != "" {
			b.WriteString(u.username)
			if u.password != "" {
				b.WriteString(":" + u.password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.hostPort())
	}
	b.WriteString(u.path)
	if u.hasQuery {
		b.WriteString("?" + u.query)
	}
	if u.hasFragment {
		b.WriteString("#" + u.fragment)
	}
	return b.String()
}

func (u *urlRecord) hostPort() string {
	if u.port != "" {
		return u.host + ":" + u.port
	}
	return u.host
}

func (u *urlRecord) origin() string {
	if isSpecialScheme(u.scheme) && u.scheme != "file" {
		return u.scheme + "://" + u.hostPort()
	}
	if u.scheme == "blob" { // blob:https://host/uuid has the origin of its path
		noIDNA := func(string) string { return "" }
		if inner, ok := parseURLRecord(u.path, nil, noIDNA); ok && (inner.scheme == "http" || inner.scheme == "https") {
			return inner.origin()
		}
	}
	return "null"
}

// The URL Standard's percent-encode sets (C0 controls and non-ASCII bytes
// are in all of them).
func c0ControlSet(c byte) bool { return c < 0x20 || c > 0x7E }
func fragmentSet(c byte) bool  { return c0ControlSet(c) || strings.IndexByte(" \"<>`", c) >= 0 }
func pathSet(c byte) bool      { return c0ControlSet(c) || strings.IndexByte(" \"#<>?`{}", c) >= 0 }
func userinfoSet(c byte) bool  { return pathSet(c) || strings.IndexByte("/:;=@[\\]^|", c) >= 0 }

func querySet(scheme string) func(byte) bool {
	if isSpecialScheme(scheme) {
		return func(c byte) bool { return c0ControlSet(c) || strings.IndexByte(" \"#<>'", c) >= 0 }
	}
	return func(c byte) bool { return c0ControlSet(c) || strings.IndexByte(" \"#<>", c) >= 0 }
}

func percentEncode(s string, set func(byte) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; set(c) {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)>>4, 16)+strconv.FormatUint(uint64(c)&0xF, 16)))
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			n, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
			b = append(b, byte(n))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
