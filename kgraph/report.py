"""What a run read, skipped and wrote: one-line messages as they happen, a summary at the end."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

# Control characters (a file name with a newline or a terminal escape), lone surrogates (a file name
# that is not UTF-8) and line separators would break "one line a message" or the terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable(text: str) -> str:
    """`text` on one line: control characters and undecodable bytes shown as escapes (\\n, \\x1b)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Report:
    """Counts documents read and skipped (with reasons) and events written.

    Every skip and warning is printed at once as one line naming the file (and line) and the
    problem, so nothing is dropped silently; `summary()` gives the totals for the end of a run.
    `skipped` holds every input or part of an input that was not read: a whole file or record, or the
    rest of a document cut at the size cap (those are also in `truncated`), so a run whose `skipped`
    is empty lost nothing.
    """

    emit: Callable[[str], None] = _stderr_line
    read: int = 0
    events: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    truncated: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, origin: str, reason: str) -> None:
        self.skipped.append((origin, reason))
        self.emit(f"kgraph: skipped {printable(origin)}: {printable(reason)}")

    def truncate(self, origin: str, reason: str) -> None:
        """A document read only in part (the size cap): the part read goes on, the rest counts as skipped."""
        self.truncated.append((origin, reason))
        self.skipped.append((origin, reason))
        self.emit(f"kgraph: truncated {printable(origin)}: {printable(reason)}")

    def warn(self, origin: str, problem: str) -> None:
        self.warnings.append((origin, problem))
        self.emit(f"kgraph: warning: {printable(origin)}: {printable(problem)}")

    def ignore(self, origin: str, reason: str) -> None:
        """Not an error and nothing lost: a file in a directory that is not an article format (README.md,
        images), or a second way to reach a file or directory that is read anyway (a symlink loop)."""
        self.ignored.append(origin)
        self.emit(f"kgraph: ignored {printable(origin)}: {printable(reason)}")

    def summary(self) -> str:
        lines = [f"documents read: {self.read}, skipped: {len(self.skipped)}, events: {self.events}"]
        reasons = Counter(_reason_kind(reason) for _, reason in self.skipped)
        for reason, n in reasons.most_common():
            lines.append(f"  skipped {n}: {reason}")
        if self.warnings:
            lines.append(f"  {len(self.warnings)} warning(s), documents kept (see above)")
        if self.ignored:
            lines.append(f"  ignored {len(self.ignored)} non-article file(s) or repeated link(s) in directories")
        return "\n".join(lines)

    def write_summary(self, stream: TextIO | None = None) -> None:
        print(self.summary(), file=stream or sys.stderr)


def _reason_kind(reason: str) -> str:
    """The reason without its particulars, to count alike reasons together: "invalid JSON (Expecting
    value)" → "invalid JSON"; "in French (fr), not English; ..." → "in French"."""
    return printable(re.split(r" \(|; |: ", reason, maxsplit=1)[0])
