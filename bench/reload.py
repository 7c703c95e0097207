#!/usr/bin/env python3
"""Save-to-reload time of `kohyo serve`.

Usage: bench/reload.py KOHYO SITE [RUNS] [--no-search]

Copies SITE (a folder with content/, e.g. one made by kohyo-synth) to a
temporary folder, starts `KOHYO serve` on it on a free loopback port, waits
for the first build, then RUNS times (default 5): changes the title of one
item file, and measures the time from the write until the item's page,
fetched over HTTP, shows the new title: what an author waits for after
saving. The watcher's debounce (200 ms) is included. Prints each run and the
median, and how long the first build took.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    kohyo, site = args[0], args[1]
    runs = int(args[2]) if len(args) > 2 else 5
    no_search = "--no-search" in sys.argv
    tmp = tempfile.mkdtemp(prefix="kohyo-reload-")
    try:
        copy = os.path.join(tmp, "site")
        shutil.copytree(site, copy)
        plans = os.path.join(copy, "content", "plans")
        plan = sorted(os.listdir(plans))[0]
        items = os.path.join(plans, plan, "items")
        item_file = os.path.join(items, sorted(os.listdir(items))[0])
        text = open(item_file, encoding="utf-8").read()
        number = re.search(r"^number: (\d+)", text, re.M).group(1)
        cmd = [kohyo, "serve", "--root", copy, "--port", "0"]
        if no_search:
            cmd.append("--no-search")
        started = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        lines = []
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
        # Read line by line so the address and the first build can be seen.
        address = None
        while address is None or not any(l.startswith("built ") for l in lines):
            line = proc.stdout.readline()
            if not line:
                sys.exit("kohyo serve stopped:\n" + "".join(lines))
            lines.append(line)
            m = re.search(r"serving at (http://127\.0\.0\.1:\d+/)", line)
            if m:
                address = m.group(1)
        first = time.monotonic() - started
        reader.start()
        page = f"{address}plans/{plan}/items/{int(number)}.html"
        times = []
        for run in range(runs):
            marker = f"再読込計測{run}"
            new = re.sub(r'^title: "(.*)"', lambda m: f'title: "{marker}{m.group(1)}"', text, count=1, flags=re.M)
            t0 = time.monotonic()
            with open(item_file, "w", encoding="utf-8") as f:
                f.write(new)
            while True:
                body = urllib.request.urlopen(page).read().decode("utf-8")
                if marker in body:
                    break
                time.sleep(0.01)
            times.append(time.monotonic() - t0)
            print(f"run {run + 1}: {times[-1] * 1000:.0f} ms")
            time.sleep(1.0)
        print(f"first build (serve start to ready): {first:.2f} s")
        print(f"save to reload-ready, median of {runs}: {statistics.median(times) * 1000:.0f} ms")
        proc.terminate()
        proc.wait(timeout=10)
        rebuilt = [l.strip() for l in lines if l.startswith("rebuilt ")]
        if rebuilt:
            print("server said:", rebuilt[-1])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
