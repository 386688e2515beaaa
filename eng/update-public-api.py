#!/usr/bin/env python3
"""Brings PublicAPI.Unshipped.txt files in line with the code after a deliberate public API change.

Reads a build log (`dotnet build > build.log`), adds each symbol RS0016 reports as undeclared to the project's
PublicAPI.Unshipped.txt and removes each RS0017 reports as gone. Review the diff: it is the API change.
Usage: python3 eng/update-public-api.py build.log
"""
import collections, os, re, sys

pattern = re.compile(r"^(?P<file>/\S+?)\(\d+,\d+\): (?:error|warning) (?P<rule>RS001[67]): Symbol '(?P<symbol>.+)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(?P<project>/\S+\.csproj)\]$")
added, removed = collections.defaultdict(set), collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    m = pattern.match(line.strip())
    if m:
        target = os.path.join(os.path.dirname(m["project"]), "PublicAPI.Unshipped.txt")
        (added if m["rule"] == "RS0016" else removed)[target].add(m["symbol"])

for path in sorted(set(added) | set(removed)):
    lines = open(path, encoding="utf-8").read().splitlines()
    header, body = lines[:1], set(lines[1:])
    body = (body - removed[path]) | added[path]
    open(path, "w", encoding="utf-8").write("\n".join(header + sorted(body, key=str.lower)) + "\n")
    print(f"{path}: +{len(added[path])} -{len(removed[path])}")
