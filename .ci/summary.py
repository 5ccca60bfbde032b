#!/usr/bin/env python3
"""Prints the surefire and failsafe totals of every module, from their XML reports."""
import glob
import xml.etree.ElementTree as ET

rows = {}
for path in sorted(glob.glob("*/target/surefire-reports/TEST-*.xml") + glob.glob("*/target/failsafe-reports/TEST-*.xml")):
    module, _, kind = path.split("/")[:3]
    key = (module, kind.split("-")[0])
    t = ET.parse(path).getroot()
    r = rows.setdefault(key, [0, 0, 0, 0, 0.0])
    r[0] += int(t.get("tests", 0))
    r[1] += int(t.get("failures", 0))
    r[2] += int(t.get("errors", 0))
    r[3] += int(t.get("skipped", 0))
    r[4] += float(t.get("time", 0) or 0)

total = [0, 0, 0, 0, 0.0]
print(f"{'module':<12} {'plugin':<9} {'tests':>6} {'fail':>5} {'error':>6} {'skip':>5} {'seconds':>8}")
for (module, kind), r in sorted(rows.items()):
    print(f"{module:<12} {kind:<9} {r[0]:>6} {r[1]:>5} {r[2]:>6} {r[3]:>5} {r[4]:>8.1f}")
    total = [a + b for a, b in zip(total, r)]
print(f"{'total':<22} {total[0]:>6} {total[1]:>5} {total[2]:>6} {total[3]:>5} {total[4]:>8.1f}")
