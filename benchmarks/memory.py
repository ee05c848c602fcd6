"""Peak memory of the running process, for the benchmarks' child processes.

``ru_maxrss`` is not enough on Linux: a child started from a large parent reports the
parent's peak (it survives fork and exec). VmHWM in /proc/self/status is the process's
own high-water mark, which exec resets; ``ru_maxrss`` is the fallback elsewhere.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def peak_mb() -> float:
    """This process's own peak resident memory, in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
