#!/bin/sh
# Regenerates this set's documents from the sources here; routes and tools in ../../cvset.sh.
# Usage: sh build.sh [ID ...]   (no argument: every document)
exec sh "$(dirname "$0")/../../cvset.sh" "$(dirname "$0")/.." "$@"
