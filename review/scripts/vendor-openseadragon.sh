#!/usr/bin/env bash
# Puts OpenSeadragon, the deep-zoom viewer of the review server's page view, into the module's
# resources from the npm registry: the package's tarball, checked against the registry's own
# integrity value (sha512), then its minified script, its button images and its licence. Run it to
# move to another version (then commit the result and update NOTICE); the build and the server never
# fetch anything.
#   review/scripts/vendor-openseadragon.sh [VERSION]      (default: the version below)
set -euo pipefail
VERSION="${1:-6.1.1}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$HERE/src/main/resources/org/workersarchive/review/assets/openseadragon"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
expected="$(npm view "openseadragon@$VERSION" dist.integrity)"
npm pack --silent "openseadragon@$VERSION" >/dev/null
tarball="openseadragon-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$expected" != "$actual" ]; then
  echo "vendor-openseadragon: $tarball is not what the registry says ($expected, got $actual)" >&2
  exit 1
fi
tar xzf "$tarball"
rm -rf "$TARGET"
mkdir -p "$TARGET/images"
cp package/build/openseadragon/openseadragon.min.js "$TARGET/"
cp package/build/openseadragon/images/*.png "$TARGET/images/"
cp package/LICENSE.txt "$TARGET/LICENSE.txt"
printf 'openseadragon %s from the npm registry, %s\n' "$VERSION" "$expected" > "$TARGET/VERSION.txt"
echo "OpenSeadragon $VERSION in $TARGET"
