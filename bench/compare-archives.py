#!/usr/bin/env python3
"""Compares two archives made from the same inputs, file by file, ignoring only what differs from
one run to the next: run ids, times and durations, process ids, the PDF's random /ID, the archive
folder's own path and the lock file. Prints every other difference; exits 1 when there is one.

Used to show that a change of structure changed no output:
    ./archive demo --archive /tmp/before     # on the commit before the change
    ./archive demo --archive /tmp/after      # on the change
    bench/compare-archives.py /tmp/before /tmp/after
"""
import difflib
import pathlib
import re
import sys

RUN_ID = re.compile(rb"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-\d+)?")
TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT[\d:.]+Z|(?<=when=\")\d{4}-\d\d-\d\d")
VARYING = [
    (re.compile(rb"\d+ ms"), b"N ms"),
    (re.compile(rb'"(tookMillis|seconds|tesseract|leptonica|wallSeconds|cpuSeconds)"\s*:\s*[\d.]+'), rb'"\1": N'),
    (re.compile(rb"vm pid \d+"), b"vm pid N"),
    (re.compile(rb"/ID \[<[0-9A-F]+> <[0-9A-F]+>\]"), b"/ID [N]"),
]


def normalised(data, root):
    data = data.replace(str(root).encode(), b"ARCHIVE")
    data = RUN_ID.sub(b"RUN", data)
    data = TIMESTAMP.sub(b"TIME", data)
    for pattern, replacement in VARYING:
        data = pattern.sub(replacement, data)
    return data


def files(root):
    found = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and relative.name != ".pipeline.lock" and relative.parts[0] != "logs":
            # A run's folder is named by its id; its report is compared under a common name.
            found[RUN_ID.sub(b"RUN", str(relative).encode()).decode()] = path
    return found


def main(before, after):
    old, new = files(before), files(after)
    differences = 0
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            print(("only in " + str(after if name in new else before)) + ": " + name)
            differences += 1
            continue
        a, b = normalised(old[name].read_bytes(), before), normalised(new[name].read_bytes(), after)
        if name.endswith("checksums.sha256"):
            # Checksums of files that differ only in times differ too; the files themselves are compared.
            a, b = re.sub(rb"[0-9a-f]{64}", b"SHA", a), re.sub(rb"[0-9a-f]{64}", b"SHA", b)
        if a != b:
            differences += 1
            print("differs: " + name)
            if b"\0" not in a[:4096]:
                sys.stdout.writelines(list(difflib.unified_diff(
                    a.decode(errors="replace").splitlines(True), b.decode(errors="replace").splitlines(True),
                    n=0))[:20])
    print(f"{len(set(old) | set(new))} files compared, {differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()))
