#!/usr/bin/env python3
"""Where the JVM's CPU went in a JFR recording: shares of jdk.ExecutionSample by top frame (self) and by area
(inclusive: a sample counts for an area when any of its frames is in it). Usage: bench/jfr-hot.py recording.jfr"""
import collections
import re
import subprocess
import sys

AREAS = [
    ("Kafka consumer/producer/broker", "org.apache.kafka."),
    ("JSON parsing (Jackson)", "com.fasterxml.jackson."),
    ("reading validation (ReadingParser)", "io.poka.telemetry.internal.ReadingParser"),
    ("reading storage (ReadingStore, COPY encode)", "io.poka.telemetry.internal.ReadingStore"),
    ("rollups", "io.poka.telemetry.internal.ReadingRollups"),
    ("SPC charting and rules", "io.poka.spc."),
    ("alerts and incidents", "io.poka.alerts."),
    ("anomaly scoring", "io.poka.scoring."),
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("transactions (Narayana)", "com.arjuna."),
    ("benchmark load generator (TepReplay)", "io.poka.telemetry.internal.TepReplay"),
]

out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", sys.argv[1]],
                     capture_output=True, text=True, check=True).stdout
samples = out.split("jdk.ExecutionSample")
self_counts = collections.Counter()
area_counts = collections.Counter()
total = 0
for s in samples[1:]:
    frames = re.findall(r"^\s+([\w$.<>]+)\(", s, re.M)
    if not frames:
        continue
    total += 1
    self_counts[frames[0]] += 1
    for name, prefix in AREAS:
        if any(f.startswith(prefix) for f in frames):
            area_counts[name] += 1
print(f"{total} execution samples (JFR 'profile': every 10 ms per running Java thread)")
print("\nby area (inclusive; a sample may count in several):")
for name, _ in AREAS:
    print(f"  {100.0 * area_counts[name] / max(total, 1):5.1f}%  {name}")
print("\ntop 20 methods (self):")
for m, n in self_counts.most_common(20):
    print(f"  {100.0 * n / max(total, 1):5.1f}%  {m}")
