#!/usr/bin/env python3
"""Prints each failed test of a test run (TRX and JUnit files in the results folder) with the first
lines of its message, so the end of a CI log says what failed and why."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

MESSAGE_LINES = 6


def trx_failures(path):
    ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
    root = ET.parse(path).getroot()
    for result in root.iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        message = result.findtext(".//t:ErrorInfo/t:Message", default="", namespaces=ns)
        stack = result.findtext(".//t:ErrorInfo/t:StackTrace", default="", namespaces=ns)
        yield result.get("testName"), message, stack


def junit_failures(path):
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        for failure in list(case.findall("failure")) + list(case.findall("error")):
            name = f"{case.get('classname')} > {case.get('name')}"
            yield name, failure.get("message") or "", failure.text or ""


def main(results):
    failures = []
    for path in sorted(glob.glob(os.path.join(results, "*.trx"))):
        failures += trx_failures(path)
    for path in sorted(glob.glob(os.path.join(results, "*.xml"))):
        try:
            failures += junit_failures(path)
        except ET.ParseError:
            print(f"(could not read {path})")
    if not failures:
        return
    print(f"== failed tests ({len(failures)})")
    for name, message, stack in failures:
        print(f"FAILED {name}")
        lines = [line for line in (message.strip() + "\n" + stack.strip()).splitlines() if line.strip()]
        for line in lines[:MESSAGE_LINES]:
            print(f"    {line[:300]}")


if __name__ == "__main__":
    main(sys.argv[1])
