package extract

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// rtfText converts RTF to lines. It is our own small reader rather than
// Debian's unrtf because unrtf 0.21 drops or mangles \uN Unicode escapes
// (accented names, French CVs), and the Go RTF packages we found are
// unmaintained. The reader is linear in the input, which Extractor has
// already bounded in size, so it needs no process isolation.
func rtfText(data []byte) []Line {
	p := rtfParser{src: data, cp: charmap.Windows1252}
	p.stack = []rtfState{{uc: 1}}
	p.run()
	p.endPara()
	return p.lines
}

type rtfState struct {
	skip bool // inside a destination whose text is not document text
	uc   int  // characters to skip after \uN
	bold bool
	list bool // paragraph marker text (\pntext, \listtext)
}

type rtfParser struct {
	src      []byte
	i        int
	cp       *charmap.Charmap
	stack    []rtfState
	cur      strings.Builder
	curBold  bool
	curList  bool
	lines    []Line
	gap      bool
	pendSkip int
	hexBuf   []byte
}

func (p *rtfParser) top() *rtfState { return &p.stack[len(p.stack)-1] }

// Destinations whose content is not body text.
var rtfSkipDest = map[string]bool{
	"fonttbl": true, "colortbl": true, "stylesheet": true, "info": true,
	"pict": true, "object": true, "themedata": true, "colorschememapping": true,
	"latentstyles": true, "datastore": true, "xmlnstbl": true, "listtable": true,
	"listoverridetable": true, "rsidtbl": true, "generator": true, "fldinst": true,
	"filetbl": true, "revtbl": true, "pgdsctbl": true,
	"bkmkstart": true, "bkmkend": true, "footnote": true, "operator": true,
	"author": true, "company": true, "title": true, "nonshppict": true,
	"mmathPr": true, "wgrffmtfilter": true,
}

func (p *rtfParser) run() {
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch c {
		case '{':
			p.flushHex()
			p.stack = append(p.stack, *p.top())
			p.i++
		case '}':
			p.flushHex()
			if len(p.stack) > 1 {
				p.stack = p.stack[:len(p.stack)-1]
			}
			p.i++
		case '\\':
			p.control()
		case '\r', '\n':
			p.i++
		default:
			p.flushHex()
			p.i++
			if p.pendSkip > 0 {
				p.pendSkip--
				continue
			}
			p.emit(string(rune(c)))
		}
	}
	p.flushHex()
}

func (p *rtfParser) control() {
	p.i++ // backslash
	if p.i >= len(p.src) {
		return
	}
	c := p.src[p.i]
	if !isASCIILetter(c) {
		p.i++
		p.symbol(c)
		return
	}
	start := p.i
	for p.i < len(p.src) && isASCIILetter(p.src[p.i]) {
		p.i++
	}
	word := string(p.src[start:p.i])
	numStart := p.i
	if p.i < len(p.src) && p.src[p.i] == '-' {
		p.i++
	}
	for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		p.i++
	}
	param, hasParam := 0, p.i > numStart
	if hasParam {
		param, _ = strconv.Atoi(string(p.src[numStart:p.i]))
	}
	if p.i < len(p.src) && p.src[p.i] == ' ' {
		p.i++
	}
	if word != "u" {
		p.flushHex()
	}
	p.word(word, param, hasParam)
}

func (p *rtfParser) symbol(c byte) {
	switch c {
	case '\'':
		if p.i+2 <= len(p.src) {
			if v, err := strconv.ParseUint(string(p.src[p.i:p.i+2]), 16, 8); err == nil {
				p.i += 2
				if p.pendSkip > 0 {
					p.pendSkip--
					return
				}
				p.hexBuf = append(p.hexBuf, byte(v))
				return
			}
		}
	case '*':
		// An unknown "\*\dest" is ignorable by definition.
		p.top().skip = true
	case '~':
		p.emit(" ")
	case '-', '_':
		if c == '_' {
			p.emit("-")
		}
	case '\\', '{', '}':
		p.flushHex()
		p.emit(string(rune(c)))
	case '\n', '\r':
		p.endPara()
	}
}

func (p *rtfParser) flushHex() {
	if len(p.hexBuf) == 0 {
		return
	}
	out, err := p.cp.NewDecoder().Bytes(p.hexBuf)
	p.hexBuf = p.hexBuf[:0]
	if err == nil {
		p.emit(string(out))
	}
}

func (p *rtfParser) word(w string, param int, hasParam bool) {
	st := p.top()
	if skip, ok := rtfSkipDest[w]; ok && skip {
		st.skip = true
		return
	}
	switch w {
	case "ansicpg":
		if cm := codepage(param); cm != nil {
			p.cp = cm
		}
	case "uc":
		st.uc = param
	case "u":
		p.flushHex()
		if param < 0 {
			param += 65536
		}
		p.emit(string(rune(param)))
		p.pendSkip = st.uc
	case "par", "sect", "page", "row":
		p.endPara()
	case "pard":
		st.list = false
	case "line":
		p.endPara()
	case "cell", "tab":
		p.emit("\t")
	case "b":
		st.bold = !hasParam || param != 0
	case "plain":
		st.bold = false
	case "pntext", "listtext":
		st.list = true
		p.curList = true
		st.skip = true
	case "bullet":
		p.emit("•")
	case "emdash":
		p.emit("—")
	case "endash":
		p.emit("–")
	case "lquote", "rquote":
		p.emit("'")
	case "ldblquote", "rdblquote":
		p.emit("\"")
	case "ls", "ilvl":
		p.curList = true
	}
}

func (p *rtfParser) emit(s string) {
	st := p.top()
	if st.skip {
		return
	}
	if p.cur.Len() == 0 && strings.TrimSpace(s) != "" {
		p.curBold = st.bold
	}
	p.cur.WriteString(s)
}

func (p *rtfParser) endPara() {
	t := cleanLine(p.cur.String())
	p.cur.Reset()
	if t == "" {
		p.gap = true
		p.curList = false
		return
	}
	bullet := p.curList || startsWithBullet(t)
	p.lines = append(p.lines, Line{Text: t, Bold: p.curBold, Bullet: bullet, GapBefore: p.gap || len(p.lines) == 0})
	p.gap = false
	p.curList = false
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func codepage(n int) *charmap.Charmap {
	switch n {
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1252:
		return charmap.Windows1252
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 10000:
		return charmap.Macintosh
	}
	return nil
}
