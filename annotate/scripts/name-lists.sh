#!/usr/bin/env bash
# Rebuilds the lists of given names, surnames and places that the name models take as features
# (annotate/src/main/resources/org/workersarchive/annotate/names/{given-names,surnames,places}.txt)
# from the person and location data of @faker-js/faker (MIT licence), fetched from the npm registry:
# real given names and surnames, and real countries, states and cities, each in the locale's own
# language (Ägypten, Égypte, Египет). The version is pinned: another version's lists would change
# every model trained on them.
#
#   annotate/scripts/name-lists.sh          (then retrain: ./archive train-ner)
set -euo pipefail
FAKER_VERSION=10.6.0
# Europe's languages and English: the names of people a French, German, English or Russian
# newspaper of 1800-1950 writes about, not only its own country's.
LOCALES='de de_AT de_CH fr fr_BE fr_CH fr_LU en en_US en_IE it es pt_PT nl pl cs_CZ sk hu sv da nb_NO ru uk ro'
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/org/workersarchive/annotate/names"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@faker-js/faker@$FAKER_VERSION" >/dev/null && tar xzf faker-js-faker-*.tgz \
  && mkdir -p node_modules/@faker-js && mv package node_modules/@faker-js/faker)
cat > "$work/dump.mjs" <<'JS'
import { allLocales } from '@faker-js/faker';
import fs from 'fs';
const [locales, givenFile, surnameFile, placeFile] = process.argv.slice(2).map((a, i) => i === 0 ? a.split(' ') : a);
const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flat();
// One printed word each: a list's "van der Berg" would make "der" a surname.
const word = /^\p{L}[\p{L}'’-]*\p{L}$/u;
const given = new Set(), surnames = new Set(), places = new Set();
for (const locale of locales) {
  const person = allLocales[locale].person;
  flat(person.first_name).filter(n => word.test(n)).forEach(n => given.add(n));
  flat(person.last_name).filter(n => word.test(n)).forEach(n => surnames.add(n));
  const location = allLocales[locale].location || {};
  // en's city names are made up ("Lake Odessa" aside): its countries and states only.
  const cities = locale.startsWith('en') ? [] : flat(location.city_name);
  [...flat(location.country), ...flat(location.state), ...cities].filter(n => word.test(n)).forEach(n => places.add(n));
}
const sorted = set => [...set].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).join('\n') + '\n';
fs.writeFileSync(givenFile, sorted(given));
fs.writeFileSync(surnameFile, sorted(surnames));
fs.writeFileSync(placeFile, sorted(places));
JS
(cd "$work" && node dump.mjs "$LOCALES" given.txt surnames.txt places.txt)
mv "$work/given.txt" "$out/.given-names.txt.partial" && mv "$out/.given-names.txt.partial" "$out/given-names.txt"
mv "$work/surnames.txt" "$out/.surnames.txt.partial" && mv "$out/.surnames.txt.partial" "$out/surnames.txt"
cp "$work/node_modules/@faker-js/faker/LICENSE" "$out/LICENSE-faker.txt"
mv "$work/places.txt" "$out/.places.txt.partial" && mv "$out/.places.txt.partial" "$out/places.txt"
wc -l "$out/given-names.txt" "$out/surnames.txt" "$out/places.txt"
