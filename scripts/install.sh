#!/bin/sh
# install.sh install|uninstall BINARY LINKS PREFIX [--hardlinks|--binary-only]
# Installs BINARY as PREFIX/bin/busybox and one link per line of LINKS
# ("usr/bin/name"): relative symbolic links by default, or hard links.
set -eu
action=$1 binary=$2 links=$3 prefix=$4 mode=${5:-}

case $action in
install)
	mkdir -p "$prefix/bin"
	rm -f "$prefix/bin/busybox"
	cp "$binary" "$prefix/bin/busybox"
	chmod 755 "$prefix/bin/busybox"
	[ "$mode" = --binary-only ] && exit 0
	while read -r link; do
		dir=${link%/*}
		mkdir -p "$prefix/$dir"
		rm -f "$prefix/$link"
		if [ "$mode" = --hardlinks ]; then
			ln "$prefix/bin/busybox" "$prefix/$link"
		else
			# bin/x -> busybox, sbin/x -> ../bin/busybox, usr/bin/x -> ../../bin/busybox
			up=$(echo "$dir" | sed 's|[^/][^/]*|..|g')
			[ "$dir" = bin ] && target=busybox || target=$up/bin/busybox
			ln -s "$target" "$prefix/$link"
		fi
	done < "$links"
	echo "Installed busybox and $(wc -l < "$links" | tr -d ' ') links under $prefix"
	;;
uninstall)
	while read -r link; do
		rm -f "$prefix/$link"
	done < "$links"
	rm -f "$prefix/bin/busybox"
	;;
*)
	echo "usage: install.sh install|uninstall BINARY LINKS PREFIX [--hardlinks]" >&2
	exit 1
	;;
esac
