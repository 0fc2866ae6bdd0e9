#!/bin/sh
# Regenerates this set's documents (../y*.pdf|docx|odt|txt|jpg) from the
# sources here; the routes and the tools they need are in ../../cvset.sh.
# Usage: sh build.sh [yNN ...]   (no argument: every document)
exec sh "$(dirname "$0")/../../cvset.sh" "$(dirname "$0")/.." "$@"
