"""The program's cheap exit still delivers everything: exit status, all of stdout, atexit handlers, the log file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _run(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "entry.py"
    script.write_text(body, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=False, timeout=60)


def test_the_exit_status_all_output_and_atexit_handlers_survive_the_cheap_exit(tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    done = _run(
        "import atexit, logging, sys\n"
        "from app.cli.process_exit import run_and_exit\n"
        f"logging.basicConfig(filename={str(log)!r}, level=logging.INFO)\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "def main(argv):\n"
        "    sys.stdout.write('line\\n' * 20000)\n"
        "    logging.getLogger('t').info('the last log line')\n"
        "    return 3\n"
        "run_and_exit(main, [])\n",
        tmp_path,
    )
    assert done.returncode == 3, done.stderr
    assert done.stdout.count("line\n") == 20000
    assert done.stdout.endswith("atexit ran\n")
    assert "the last log line" in log.read_text(encoding="utf-8")


def test_system_exit_from_argparse_keeps_its_status_and_message(tmp_path: Path) -> None:
    done = _run(
        "from app.cli.process_exit import run_and_exit\n"
        "def main(argv):\n"
        "    raise SystemExit('refused: why')\n"
        "run_and_exit(main, [])\n",
        tmp_path,
    )
    assert (done.returncode, done.stderr.strip()) == (1, "refused: why")


def test_python_dash_m_app_reports_usage_errors_with_status_2(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--profile", str(tmp_path / "p"), "no-such-command"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


def test_no_console_streams_as_in_a_windowed_build_still_exit_with_the_status(tmp_path: Path) -> None:
    done = _run(
        "import sys\n"
        "from app.cli.process_exit import run_and_exit\n"
        "sys.stdout = sys.stderr = None\n"
        "run_and_exit(lambda argv: 4, [])\n",
        tmp_path,
    )
    assert done.returncode == 4
