#!/bin/sh
# Regenerates this set's documents (../x*.pdf|docx|odt|txt|jpg) from the
# sources here; the routes and the tools they need are in ../../cvset.sh.
# Usage: sh build.sh [xNN ...]   (no argument: every document)
exec sh "$(dirname "$0")/../../cvset.sh" "$(dirname "$0")/.." "$@"
