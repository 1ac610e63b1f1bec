"""How fast mentee-tui feels with 30, 2,000 and 10,000 candidates, next to a bare Textual app.

    .venv/bin/python tests/benchmarks/bench.py [--sizes 30,2000,10000] [--runs 7] [--quick]
                                               [--markdown] [--dump DIR] [--app PATH]

Needs pyte (`.venv/bin/pip install pyte`). The app is driven only from outside, as a person
would: its command line, its database file, and keys typed into a real pseudo-terminal
(100x30, TERM=xterm-256color) whose screen the pyte emulator reads back. Each size's database
is built once per invocation (see dataset.py) and copied fresh for every session that writes.
Runs are interleaved: each run starts the bare app (bare_app.py: Header, Static, Footer) and
then mentee-tui, for every size, so both see the same machine load.

Metrics, each the median of the runs (ratios: the median of the per-run ratios):
  start → Home           spawn until Home shows the database's "N candidates found"
  start → 3 → card       spawn, `3` pressed as soon as Home shows, until a card's name is on
                         the tracker; both starts are also given as ratios to the bare app's
                         spawn → "bare app ready"
  ] → repaint            `]` on the selected card until the column counts show it moved
  ] → durable            the same keystroke until the JSON file holds the new stage
  filter key → repaint   `/`, then `q`: from the `q` until "Filter: q · N of M shown"
  4 → calendar grid      until a month cell ("1 · Jan 2027") is drawn
  echo, idle / in save   Reflection (its editor has focus): a typed character until it shows;
                         then, the moment the autosave takes the database's file lock
                         (/proc/locks), a second character until it shows (a miss: the lock
                         was not seen within 2.5 s; the key then goes in anyway)
  peak RSS               VmHWM of the app just before quitting, as a ratio to the bare app's
  CLI                    wall time of `list --json`, `add NAME` and `move ID contacted`

Times run from the write of the keystroke (or the spawn) to the read of the first output
after which the screen meets the condition. Every wait has a 60 s limit; a miss is reported
as a failure, never a hang. The exit status is 1 if a budget is missed or a step failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))  # tests/: the pty helper the end-to-end tests share

import dataset  # noqa: E402
from helpers.terminal import StepFailed, Terminal  # noqa: E402

STAGE_NAMES = ("Researched", "Contacted", "Coffee", "Asked", "Agreed", "Declined")
# A column header: its title, cut with an ellipsis when the column is narrow, and its count.
COUNTS = re.compile(r"\b([A-Z][a-z]+)…?\s+(\d[\d,]*)\b")
FOUND = re.compile(r"(\d[\d,]*) candidates? found")
MONTH_CELL = re.compile(r"\d+ · [A-Z][a-z]{2} \d{4}")
FILTER_LETTER = "q"
FILTER_SHOWN = re.compile(rf"Filter: {FILTER_LETTER} · \d+ of \d+ shown")
ECHO_FIRST, ECHO_SECOND = "~", "#"  # typed on the Reflection screen, found as "~#"

# metric -> (label, unit); "×" rows are ratios, printed with their budgets.
METRICS = {
    "home": ("start → Home with data", "s"),
    "home_ratio": ("  ratio to bare start", "×"),
    "card": ("start → 3 → first card", "s"),
    "card_ratio": ("  ratio to bare start", "×"),
    "bare_start": ("bare app start", "s"),
    "repaint": ("] → repaint", "ms"),
    "durable": ("] → durable on disk", "ms"),
    "filter": ("filter key → repaint", "ms"),
    "calendar": ("4 → calendar grid", "ms"),
    "echo_idle": ("keystroke → echo, idle", "ms"),
    "echo_save": ("keystroke → echo, in a save", "ms"),
    "rss": ("peak RSS", "MiB"),
    "rss_ratio": ("  ratio to bare", "×"),
    "bare_rss": ("bare app peak RSS", "MiB"),
    "cli_list": ("CLI list --json", "s"),
    "cli_add": ("CLI add NAME", "s"),
    "cli_move": ("CLI move ID STAGE", "s"),
}
BUDGETS = {  # metric -> {size: the most the median may be}
    "home_ratio": {30: 1.2, 2000: 1.5, 10000: 2.5},
    "card_ratio": {30: 1.3, 2000: 1.6, 10000: 3.0},
    "repaint": {2000: 50, 10000: 100},
    "durable": {2000: 150, 10000: 400},
    "echo_save": {30: 30, 2000: 30, 10000: 30},
    "rss_ratio": {2000: 1.5, 10000: 2.5},
    "cli_list": {30: 0.12, 2000: 0.25},
    "cli_add": {30: 0.12},
    "cli_move": {30: 0.12},
}
TIMEOUT = 60.0
AUTOSAVE = 1.5  # seconds the Reflection screen waits after the last key before it saves


class Bench:
    def __init__(self, app: str, scratch: Path, dump: Path | None) -> None:
        self.app, self.scratch, self.dump_dir = app, scratch, dump
        self.samples: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        self.errors: list[str] = []
        self.save_misses: dict[int, int] = defaultdict(int)
        self.sources: dict[int, Path] = {}
        self.names: dict[int, set[str]] = {}
        self.copies = 0

    # -- databases -------------------------------------------------------------------------
    def build(self, size: int) -> None:
        started = time.perf_counter()
        path = dataset.build(self.scratch / f"source-{size}", size, self.app)
        self.sources[size] = path
        names = dataset.names_of(path)
        # A long name is cut short on its card ("Rohan Lindqvi…"): accept its prefixes too.
        self.names[size] = {n[:k] for n in names for k in range(8, len(n) + 1)}
        print(f"built {size} candidates ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    def fresh_copy(self, size: int) -> Path:
        self.copies += 1
        folder = self.scratch / f"run-{self.copies}"
        folder.mkdir(mode=0o700)
        path = folder / "mentee.json"
        shutil.copyfile(self.sources[size], path)
        path.chmod(0o600)
        return path

    def dump(self, size: int, step: str, term: Terminal) -> None:
        if self.dump_dir:
            self.dump_dir.mkdir(parents=True, exist_ok=True)
            (self.dump_dir / f"{size}-{step}.txt").write_text(term.text + "\n")

    # -- one run -------------------------------------------------------------------------
    def run(self, size: int) -> None:
        bare = self.bare_session()
        app = self.app_session(size)
        record = self.samples[size]
        if bare:
            record["bare_start"].append(bare["start"])
            record["bare_rss"].append(bare["rss"])
        if bare and app:
            for key in ("home", "card"):
                if key in app:
                    record[f"{key}_ratio"].append(app[key] / bare["start"])
            if "rss" in app:
                record["rss_ratio"].append(app["rss"] / bare["rss"])
        self.cli_session(size)

    def keep(self, size: int, results: dict[str, float]) -> None:
        for key, value in results.items():
            self.samples[size][key].append(value)

    def bare_session(self) -> dict[str, float] | None:
        try:
            with Terminal([sys.executable, str(HERE / "bare_app.py")]) as term:
                ready = term.wait_for(lambda s: "bare app ready" in s, TIMEOUT, "bare app text")
                term.settle()
                result = {"start": ready - term.started, "rss": term.peak_rss_kib() / 1024}
                term.quit()
        except StepFailed as exc:
            self.errors.append(f"bare app: {exc}")
            return None
        return result

    def app_session(self, size: int) -> dict[str, float]:
        path = self.fresh_copy(size)
        results: dict[str, float] = {}
        step = "start"
        try:
            with Terminal([self.app, "--db", str(path)]) as term:
                step = "home"
                home = term.wait_for(lambda s: self.found(s) == size, TIMEOUT, "Home counts")
                results["home"] = home - term.started
                self.dump(size, "home", term)
                step = "tracker"
                term.send("3")
                card = term.wait_for(lambda s: self.tracker_card(size, s), TIMEOUT, "a card")
                results["card"] = card - term.started
                term.settle()
                self.dump(size, "tracker", term)
                step = "move"
                results.update(self.move_card(term, path))
                term.settle()
                self.dump(size, "moved", term)
                step = "filter"
                term.send("/")
                term.settle()
                sent = term.send(FILTER_LETTER)
                shown = term.wait_for(lambda s: FILTER_SHOWN.search(s) is not None,
                                      TIMEOUT, "the filtered board")
                results["filter"] = (shown - sent) * 1000
                term.settle()
                self.dump(size, "filter", term)
                term.send("\x1b")  # clear the filter, back to the board
                term.wait_for(lambda s: "Filter:" not in s, TIMEOUT, "the filter cleared")
                term.settle()
                step = "calendar"
                sent = term.send("4")
                grid = term.wait_for(lambda s: MONTH_CELL.search(s) is not None,
                                     TIMEOUT, "a month cell")
                results["calendar"] = (grid - sent) * 1000
                term.settle()
                self.dump(size, "calendar", term)
                step = "reflection"
                results.update(self.echo_during_save(size, term))
                self.dump(size, "echo", term)
                term.send("\x1b")  # leave the editor so `q` quits
                term.settle()
                results["rss"] = term.peak_rss_kib() / 1024
                term.quit(timeout=TIMEOUT)
        except StepFailed as exc:
            self.errors.append(f"{size} candidates, {step}: {exc}")
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        self.keep(size, results)
        return results

    def found(self, screen: str) -> int | None:
        match = FOUND.search(screen)
        return int(match.group(1).replace(",", "")) if match else None

    def tracker_card(self, size: int, screen: str) -> bool:
        """The board's column counts are up and some line holds a candidate's name."""
        if "Researched" not in counts(screen):
            return False
        names = self.names[size]
        for line in screen.splitlines()[2:]:
            for cell in re.split(r"\s{2,}|[▁-█]", line):
                if cell.strip(" ↻⚠…") in names:
                    return True
        return False

    def move_card(self, term: Terminal, path: Path) -> dict[str, float]:
        """`]`: the time to the repaint and, from the same keystroke, to the file on disk."""
        before_counts, before_stages = counts(term.text), dataset.stages_of(path)
        before_file = file_state(path)
        sent = term.send("]")
        repaint = durable = None
        deadline = sent + TIMEOUT
        while True:
            if time.perf_counter() > deadline:
                raise StepFailed(f"] made no {'repaint' if repaint is None else 'write'} "
                                 f"in {TIMEOUT:.0f} s:\n{term.text}")
            if term.pump(0.002) and repaint is None:
                now = counts(term.text)
                if now != before_counts and sum(now.values()) == sum(before_counts.values()):
                    repaint = term.last_output
            if durable is None and file_state(path) != before_file:
                durable = time.perf_counter()
            if repaint is not None and durable is not None:
                # Parsed only now, so that reading a large file never delays the repaint's read.
                if dataset.stages_of(path) != before_stages:
                    break
                durable, before_file = None, file_state(path)  # another write: keep polling
        return {"repaint": (repaint - sent) * 1000, "durable": (durable - sent) * 1000}

    def echo_during_save(self, size: int, term: Terminal) -> dict[str, float]:
        term.send("2")
        term.wait_for(lambda s: "Career goals" in s, TIMEOUT, "the Reflection screen")
        term.settle()
        term.send("\r")  # Reflection opens on its list of prompts: enter writes in the answer
        term.settle()
        if ECHO_FIRST in term.text:
            raise StepFailed(f"{ECHO_FIRST!r} is on the Reflection screen before it was typed")
        sent = term.send(ECHO_FIRST)
        echoed = term.wait_for(lambda s: ECHO_FIRST in s, TIMEOUT, "the first echo")
        idle = (echoed - sent) * 1000
        # The autosave starts 1.5 s after typing stops; press the key once it holds the
        # database lock (its "… saving" label only shows when a save takes over 0.3 s).
        deadline = echoed + AUTOSAVE + 1.0
        while not holds_lock(term.pid):
            if time.perf_counter() > deadline:
                self.save_misses[size] += 1
                break
            term.pump(0.001)
        sent = term.send(ECHO_SECOND)
        echoed = term.wait_for(lambda s: ECHO_FIRST + ECHO_SECOND in s, TIMEOUT, "the echo")
        return {"echo_idle": idle, "echo_save": (echoed - sent) * 1000}

    def cli_session(self, size: int) -> None:
        path = self.fresh_copy(size)

        def timed(*args: str) -> tuple[float, str]:
            started = time.perf_counter()
            done = subprocess.run([self.app, "--db", str(path), *args], capture_output=True,
                                  text=True, timeout=TIMEOUT)
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                raise RuntimeError(f"mentee-tui {' '.join(args)}: {done.stderr.strip()}")
            return elapsed, done.stdout

        try:
            list_time, _ = timed("list", "--json")
            add_time, out = timed("add", "Benchmark Person", "--org", "Bench")
            move_time, _ = timed("move", out.strip().split()[0], "contacted")
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            self.errors.append(f"{size} candidates, CLI: {exc}")
            return
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        self.keep(size, {"cli_list": list_time, "cli_add": add_time, "cli_move": move_time})


def counts(screen: str) -> dict[str, int]:
    """The tracker's column headers: stage -> number of cards."""
    found: dict[str, int] = {}
    for title, number in COUNTS.findall(screen):
        stage = next((name for name in STAGE_NAMES if name.startswith(title)), None)
        if stage is not None:
            found.setdefault(stage, int(number.replace(",", "")))
    return found


def holds_lock(pid: int) -> bool:
    """Whether the process holds a file lock: the app locks the database only to write."""
    with open("/proc/locks") as locks:
        return any(line.split()[4] == str(pid) for line in locks if "FLOCK" in line)


def file_state(path: Path) -> tuple[int, int, int]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return (0, 0, 0)
    return (info.st_ino, info.st_mtime_ns, info.st_size)


# -- the report ---------------------------------------------------------------------------
def cell(bench: Bench, size: int, metric: str) -> tuple[str, bool]:
    """The median as text (with its budget) and whether it is within budget."""
    values = bench.samples[size].get(metric, [])
    limit = BUDGETS.get(metric, {}).get(size)
    if not values:
        return ("n/a" + (" FAIL" if limit is not None else ""), limit is None)
    median = statistics.median(values)
    unit = METRICS[metric][1]
    text = f"{median:.2f}×" if unit == "×" else f"{median:.0f}" if unit in ("ms", "MiB") \
        else f"{median:.3f}"
    if limit is None:
        return text, True
    ok = median <= limit
    return f"{text} ≤{limit:g} {'PASS' if ok else 'FAIL'}", ok


def report(bench: Bench, sizes: list[int], runs: int, markdown: bool) -> bool:
    header = ["metric"] + [f"{size:,} candidates" for size in sizes]
    rows, all_ok = [], True
    for metric, (label, unit) in METRICS.items():
        cells = []
        for size in sizes:
            text, ok = cell(bench, size, metric)
            all_ok &= ok
            cells.append(text)
        rows.append([label if unit == "×" else f"{label} ({unit})"] + cells)
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print(f"\nmentee-tui benchmark: medians of {runs} runs, 100x30 pty")
    for row in [header] + rows:
        print("  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip())
    if markdown:
        print("\n| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    for size, misses in bench.save_misses.items():
        print(f"note: {size} candidates: the autosave's lock was not seen in "
              f"{misses} run(s); the key went in without it", file=sys.stderr)
    for error in bench.errors:
        print(f"FAILED: {error}", file=sys.stderr)
    return all_ok and not bench.errors


def byte_compile(app: str) -> None:
    """Start the app as installed: byte-compiled, as pip leaves a package (the bare app's
    Textual is). An editable checkout run under PYTHONDONTWRITEBYTECODE=1 would otherwise
    compile every mentee-tui module from source at each start."""
    python = Path(app).with_name("python")
    subprocess.run([str(python), "-c", "import compileall, os, mentee_tui; "
                    "compileall.compile_dir(os.path.dirname(mentee_tui.__file__), quiet=1)"],
                   check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="30,2000,10000", help="comma-separated counts")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="sizes 30,2000 and 3 runs")
    parser.add_argument("--markdown", action="store_true", help="also print a markdown table")
    parser.add_argument("--dump", type=Path, help="write the screens each step saw here")
    parser.add_argument("--app", default=str(Path(sys.executable).parent / "mentee-tui"))
    args = parser.parse_args()
    sizes = [30, 2000] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 3 if args.quick else args.runs
    with tempfile.TemporaryDirectory(prefix="mentee-bench-") as scratch:
        os.chmod(scratch, 0o700)
        bench = Bench(args.app, Path(scratch), args.dump)
        byte_compile(args.app)
        for size in sizes:
            bench.build(size)
        for number in range(1, runs + 1):
            for size in sizes:
                print(f"run {number}/{runs}, {size} candidates", file=sys.stderr)
                bench.run(size)
    return 0 if report(bench, sizes, runs, args.markdown) else 1


if __name__ == "__main__":
    sys.exit(main())
