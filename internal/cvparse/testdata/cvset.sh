#!/bin/sh
# Builds a labelled CV set's documents (blind, blind2, heldout2, ...) from the
# sources in its src/ folder, into the set's folder. Each set's
# src/build.sh calls it with its own folder. Dev-only tools, not part of the project's scripts/:
#   chromium (print to PDF), libreoffice-writer(-nogui) (soffice),
#   ghostscript (gs), xelatex with texlive-latex-extra (moderncv, fancyhdr),
#   fonts-texgyre, fonts-dejavu, fonts-font-awesome.
# Usage: sh cvset.sh <set folder> [ID ...]   (ID like b03 or x12; none: every document)
# The route is the second part of the file name:
#   chrome   HTML printed to PDF by headless Chromium
#   outline  same, then every glyph turned into a path by Ghostscript
#            (no text layer: the PDF can only be read by OCR)
#   lo-docx, lo-odt   HTML opened in LibreOffice Writer (not Writer/Web) and
#            saved as DOCX or ODT
#   writer-docx  a Flat ODT (.fodt) written the way Word users lay out a CV
#            (paragraph styles, right-aligned tab stops for dates, tables,
#            page header/footer) saved as DOCX by LibreOffice
#   latex, moderncv   .tex typeset by xelatex, or pdflatex when the source
#            says '% engine: pdflatex' (run twice for page refs)
#   txt      copied as is
#   photo    HTML printed by Chromium, page 1 rasterised at 150 dpi, then
#            made to look like a phone photo of the printed page with
#            ImageMagick (convert): on a desk, turned 1-3 degrees, a slight
#            perspective, soft focus, light falling off across the sheet,
#            sensor noise, JPEG compression. Read by OCR. The source may set
#            '<!-- photo: angle=A -->' (degrees, default 1.8).
set -eu
out=$(cd "$1" && pwd)
here=$out/src
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

chrome() { # in.html out.pdf
	flags="--no-pdf-header-footer"
	# A CV printed as most people print it: with the browser's own header
	# (date, title) and footer (file URL, page x/y).
	if grep -q 'print: browser-header-footer' "$1"; then flags=""; fi
	chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run $flags \
		--print-to-pdf="$2" "file://$1" >"$tmp/chrome.log" 2>&1 || { cat "$tmp/chrome.log"; exit 1; }
}

photo() { # in.html out.jpg
	chrome "$1" "$tmp/photo.pdf"
	pdftoppm -r 150 -f 1 -l 1 -png "$tmp/photo.pdf" "$tmp/page" 2>/dev/null
	page=$(ls "$tmp"/page*.png | head -1)
	angle=$(sed -nE 's/.*<!-- photo: angle=([-0-9.]+) -->.*/\1/p' "$1" | head -1)
	angle=${angle:-1.8}
	# The sheet lies on a darker desk; the phone is held a little off square.
	convert "$page" -bordercolor '#6f665c' -border 70 -background '#6f665c' -rotate "$angle" "$tmp/rot.png"
	w=$(identify -format %w "$tmp/rot.png"); h=$(identify -format %h "$tmp/rot.png")
	convert -seed 14 "$tmp/rot.png" -virtual-pixel background -background '#6f665c' \
		-distort Perspective "0,0 $((w/60)),$((h/90))  $w,0 $((w - w/90)),0  0,$h 0,$h  $w,$h $((w - w/45)),$((h - h/70))" \
		\( +clone -sparse-color Barycentric "0,0 gray(100%) $w,0 gray(90%) 0,$h gray(82%) $w,$h gray(64%)" \) \
		-compose multiply -composite \
		-blur 0x0.8 -attenuate 0.35 +noise Gaussian \
		-crop "$((w - w/30))x$((h - h/30))+$((w/60))+$((h/60))" +repage \
		-sampling-factor 4:2:0 -quality 68 "$2"
}

build() {
	src=$1
	base=$(basename "$src"); stem=${base%.*}
	route=$(echo "$stem" | sed -E 's/^[a-z][0-9]+-(.+)-(en|fr)-.*$/\1/')
	case $route in
	chrome) chrome "$src" "$out/$stem.pdf" ;;
	outline)
		chrome "$src" "$tmp/$stem.pdf"
		gs -q -o "$out/$stem.pdf" -sDEVICE=pdfwrite -dNoOutputFonts "$tmp/$stem.pdf" ;;
	lo-docx|lo-odt)
		fmt=${route#lo-}
		filter=$fmt
		[ "$fmt" = docx ] && filter='docx:MS Word 2007 XML'
		[ "$fmt" = odt ] && filter='odt:writer8'
		soffice --headless -env:UserInstallation="file://$tmp/lo" --infilter="HTML (StarWriter)" \
			--convert-to "$filter" --outdir "$tmp" "$src" >/dev/null
		mv "$tmp/$stem.$fmt" "$out/$stem.$fmt" ;;
	writer-docx)
		soffice --headless -env:UserInstallation="file://$tmp/lo" \
			--convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" "$src" >/dev/null
		mv "$tmp/$stem.docx" "$out/$stem.docx" ;;
	latex|moderncv)
		engine=xelatex
		if grep -q '^% engine: pdflatex' "$src"; then engine=pdflatex; fi
		(cd "$tmp" && for _ in 1 2; do
			$engine -interaction=nonstopmode -halt-on-error "$src" >/dev/null || { tail -30 "$stem.log"; exit 1; }
		done)
		mv "$tmp/$stem.pdf" "$out/$stem.pdf" ;;
	txt) cp "$src" "$out/$stem.txt" ;;
	photo) photo "$src" "$out/$stem.jpg" ;;
	*) echo "unknown route $route for $base" >&2; exit 1 ;;
	esac
	echo "$stem"
}

if [ $# -eq 0 ]; then
	set -- $(ls "$here" | grep -E '^[a-z][0-9]+-' | sed -E 's/^([a-z][0-9]+)-.*/\1/' | sort -u)
fi
for id in "$@"; do
	for src in "$here/$id"-*; do
		case $src in *.html|*.tex|*.txt|*.fodt) build "$src" ;; esac
	done
done
