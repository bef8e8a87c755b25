#!/usr/bin/env python3
"""Writes the seed corpora (fuzz/corpus/<target>/seed-*) from the specs' examples.

Run from the repository root: python3 fuzz/make_seeds.py (needs PyYAML). The
input layouts are those described at the top of each fuzz target.
"""

import datetime
import hashlib
import hmac
import json
import pathlib
import struct

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
# fuzz_targets/verify_webhook.rs: its secret and clock.
SECRET = b"fuzz-webhook-secret-5d1e"
NOW = 1743483350


def write(target, name, data):
    path = CORPUS / target / f"seed-{name}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


def compact(value):
    return json.dumps(value, separators=(",", ":")).encode()


api = yaml.safe_load((ROOT / "openapi" / "cobrowse.yaml").read_text())
hooks = yaml.safe_load((ROOT / "openapi" / "cobrowse-webhooks.yaml").read_text())

# API answers: every documented 200 and error example.
operations = {"get_session": 0, "list_live_sessions": 1, "list_past_sessions": 2,
              "list_session_users": 3}
answers = []
for item in api["paths"].values():
    op = item["get"]
    example = op["responses"]["200"]["content"]["application/json"]["example"]
    answers.append((op["operationId"], 200, example, b""))
past_detail = {"session_id": "GDDykmpQQU6MWL3GqLNUkw", "start_time": "2025-02-14T19:09:01Z",
               "end_time": "2025-02-14T19:15:01Z", "duration": "00:03:19",
               "session_pin": "987536", "user_count": 2}
answers.append(("get_session", 200, past_detail, b""))
statuses = {"BadPageToken": 400, "Unauthorized": 401, "SessionNotFound": 404,
            "TooManyRequests": 429}
for name, response in api["components"]["responses"].items():
    example = response["content"]["application/json"]["example"]
    retry = b"1" if statuses[name] == 429 else b""
    answers.append(("list_session_users", statuses[name], example, retry))

for i, (operation, status, example, retry) in enumerate(answers):
    write("decode_responses", f"{operation}-{status}-{i}.json", compact(example))
    head = struct.pack(">BHB", operations[operation], status - 200, len(retry))
    write("client_answers", f"{operation}-{status}-{i}", head + retry + compact(example))
write("client_answers", "proxy-502-html",
      struct.pack(">BHB", 1, 302, 0) + b"<html><body>502 Bad Gateway</body></html>")

# Webhook deliveries: every example event, in each of the target's three modes.
for name, schema in hooks["components"]["schemas"].items():
    example = schema.get("example")
    if not isinstance(example, dict) or "event" not in example:
        continue
    body = compact(example)
    timestamp = str(NOW).encode()
    digest = hmac.new(SECRET, b"v0:" + timestamp + b":" + body, hashlib.sha256).hexdigest()
    headers = (b"x-zm-request-timestamp: " + timestamp + b"\nx-zm-signature: v0="
               + digest.encode() + b"\n\n")
    write("verify_webhook", f"{name}-raw", b"\x00" + headers + body)
    write("verify_webhook", f"{name}-signed", b"\x01" + struct.pack(">hB", 0, 75) + body)
    write("verify_webhook", f"{name}-text", b"\x02" + bytes([len(timestamp)]) + timestamp + body)

# Durations as Zoom sends them, and a few ranges (layout: flags, span, day, times).
for i, text in enumerate(["00:03:19", "26:03:19", "3 minutes", "00:60:00"]):
    write("duration_and_windows", f"duration-{i}", b"\x00" + text.encode())
# Days are counted from chrono's NaiveDate::MIN, -262143-01-01 (proleptic Gregorian).
y = -262143 - 1
min_ordinal = y * 365 + y // 4 - y // 100 + y // 400 + 1
day_2025 = datetime.date(2025, 1, 15).toordinal() - min_ordinal
for i, (flags, span, day) in enumerate([(1 | 4, 45, day_2025), (0, 400, day_2025),
                                        (1, -3, day_2025), (2 | 1 | 4, 0, 10)]):
    write("duration_and_windows", f"windows-{i}",
          b"\x01" + struct.pack(">BhIIIII", flags, span, day, 3600, 0, 7200, 0))
