package extract

import (
	"context"
	"strings"
)

// doc reads legacy Word (.doc) with antiword, which handles Word 97–2003
// and keeps paragraphs and list bullets; catdoc is the fallback for the
// Word 6/95 files antiword refuses.
func (e *Extractor) doc(ctx context.Context, data []byte) (Document, error) {
	wd, err := newWorkDir(data, "in.doc")
	if err != nil {
		return Document{}, err
	}
	defer wd.Close()
	out, err := e.run(ctx, wd.dir, e.limits.MaxTextBytes, e.tools.antiword, "-w", "0", "-m", "UTF-8.txt", "in.doc")
	if err != nil && e.tools.catdoc != "" && ctx.Err() == nil {
		out, err = e.run(ctx, wd.dir, e.limits.MaxTextBytes, e.tools.catdoc, "-d", "utf-8", "-w", "in.doc")
	}
	if err != nil {
		return Document{}, toolRefusal(err, "Word document", e.limits)
	}
	text := strings.ReplaceAll(string(out), "[pic]", "")
	return Document{Lines: plainLines(text)}, nil
}
