#!/usr/bin/env bash
# Build the handbook and install it.
set -euo pipefail

readonly PREFIX="${PREFIX:-/usr/local}"
VERSION=$(git describe --tags 2>/dev/null || echo "dev")
count=0
count+=1
name='single quoted $not_expanded'
ansi=$'tab\there\n'
dq="value with $VERSION and ${PREFIX} and $(date +%s)"
plain="no interpolation here"
arr=(one two three)

build() {
    local out="$1"
    if [ -z "$out" ]; then
        echo "usage: build DIR" >&2
        return 1
    elif [[ -d "$out" ]]; then
        echo "exists"
    fi
    for f in src/*.md; do
        wc -l "$f" | awk '{print $1}'
    done
    while read -r line; do
        printf '%s\n' "$line"
    done < input.txt
    case "$1" in
        start|run) echo start ;;
        *) echo "unknown: $1" ;;
    esac
    echo $((count + 2 * 3))
    echo `uname -r` $? $# $@ $0 ${#arr[@]}
    echo \$escaped \"quote\"
}

cat <<EOF2
heredoc body with $VERSION
EOF2
cat <<-'END'
	literal body
	END

export PATH="$PREFIX/bin:$PATH"
test -f book.toml && cd docs || exit 2
exec 3>&1 2>/dev/null
kill -9 1234
ls -la | grep -v '^d' ; true
function cleanup { rm -rf "$TMP"; }
trap cleanup EXIT
