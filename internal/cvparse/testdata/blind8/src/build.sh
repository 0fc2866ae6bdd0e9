#!/bin/sh
exec sh "$(dirname "$0")/../../cvset.sh" "$(dirname "$0")/.." "$@"
