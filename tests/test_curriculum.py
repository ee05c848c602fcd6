"""Loading curricula: the valid examples load, and every invalid one reports exactly
the problems its ``# expect:`` comments state, all in one pass.

Each file in ``tests/data/invalid/`` starts with comment lines of the form::

    # expect: 12:11: members[0].role: unknown role 'windw' (did you mean 'window'?)

one per expected problem, in the order of (line, column), written as the problem's
English text without the ``path:`` prefix, and the same again in Chinese as
``# expect-zh:`` lines (the files have no ``locale``, so Chinese is what ``check``
prints). A file that cannot hold a character (``07-not-utf8.yaml``
is saved as GBK and keeps its comments ASCII) writes it as ``\\uXXXX``.
"""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path
from typing import Any

import fuzzing
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import studykit
from studykit import Curriculum, Frequency, InputError, Problem
from studykit.domain.time import DaySpec

HERE = Path(__file__).parent
INVALID = HERE / "data" / "invalid"
EXAMPLES = HERE.parent / "curricula"
INVALID_FILES = sorted(INVALID.glob("*.yaml"))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))

_EXPECT = re.compile(r"^# expect: (.*)$")
_EXPECT_ZH = re.compile(r"^# expect-zh: (.*)$")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_WHERE = re.compile(r"^(\d+):(\d+): ")

MINIMAL = """\
studykit: 1
organization:
  name: Outreach Team Party Branch
competencies:
  policy: Employment policy
roles:
  window:
    name: Front desk
    requires: {policy: 3}
members:
  - id: alice
    name: Alice Chen
    role: window
    party: full
"""


def expectations(path: Path, pattern: re.Pattern[str] = _EXPECT) -> list[str]:
    """The ``# expect:`` lines of ``path``, with ``\\uXXXX`` turned into characters."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    out = []
    for line in text.splitlines():
        match = pattern.match(line.rstrip("\r"))
        if match:
            out.append(_ESCAPE.sub(lambda m: chr(int(m[1], 16)), match[1]))
    return out


def without_path(problem: Problem, locale: str = "en") -> str:
    """The problem's text in ``locale`` without its ``path:`` prefix."""
    return problem.text(locale)[len(problem.path) + 1:]


def problems_of(path: Path | str) -> list[Problem]:
    with pytest.raises(InputError) as info:
        studykit.load(path)
    return info.value.problems


def test_the_corpus_is_large_enough() -> None:
    assert len(INVALID_FILES) >= 32
    names = [p.name for p in INVALID_FILES]
    assert all(re.match(r"^\d\d-[a-z0-9-]+\.yaml$", name) for name in names), names


@pytest.mark.parametrize("path", INVALID_FILES, ids=[p.name for p in INVALID_FILES])
def test_invalid_curriculum(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} states no `# expect:` line"
    where = [tuple(map(int, _WHERE.match(e).groups())) for e in expected]  # type: ignore[union-attr]
    assert where == sorted(where), f"{path.name}: expect lines are not in (line, col) order"

    problems = problems_of(str(path))

    assert [without_path(p) for p in problems] == expected
    assert [without_path(p, "zh-CN") for p in problems] == expectations(path, _EXPECT_ZH)
    assert all(p.path == str(path) for p in problems)
    assert all(str(p) == f"{path}:{without_path(p, 'zh-CN')}" for p in problems)


# --- the valid examples and the public API ------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.name for p in EXAMPLE_FILES])
def test_example_curricula_load(path: Path) -> None:
    curriculum = studykit.load(path)
    assert isinstance(curriculum, Curriculum)
    assert curriculum.source == str(path)
    assert curriculum.members
    assert curriculum.roles


def test_both_examples_exist() -> None:
    assert {p.name for p in EXAMPLE_FILES} >= {"employment-centre.yaml", "small-team.en.yaml"}


def test_loads_text() -> None:
    curriculum = studykit.loads(MINIMAL)
    assert curriculum.organization.name == "Outreach Team Party Branch"
    assert [m.id for m in curriculum.members] == ["alice"]
    assert curriculum.members[0].level("policy") == 0
    assert curriculum.roles["window"].requires == {"policy": 3}
    assert curriculum.locale == "zh-CN"


def test_loads_reports_problems_with_the_given_path() -> None:
    with pytest.raises(InputError) as info:
        studykit.loads(MINIMAL.replace("role: window", "role: windw"), "pasted.yaml")
    assert [str(p) for p in info.value.problems] == [
        "pasted.yaml:13:11: members[0].role（Alice Chen）: 未知的岗位 'windw'（是不是 'window'？）"
    ]
    assert [p.text("en") for p in info.value.problems] == [
        "pasted.yaml:13:11: members[0].role (Alice Chen): unknown role 'windw' "
        "(did you mean 'window'?)"
    ]


def test_unquoted_time_is_a_time() -> None:
    text = MINIMAL + (
        "courses:\n"
        "  - {id: policy-update, title: Policy update, kind: lecture, hours: 2, start: 9:30}\n"
        "calendar:\n"
        "  start: 15:00\n"
    )
    curriculum = studykit.loads(text)
    assert curriculum.calendar.start == time(15, 0)
    assert curriculum.courses[0].start == time(9, 30)


def test_on_keeps_its_key() -> None:
    text = MINIMAL + "meetings:\n  theme-day: {every: month, on: 1st fri}\n  committee: monthly\n"
    meetings = studykit.loads(text).meetings
    assert meetings.theme_day == Frequency(every="month", on=DaySpec(ordinal=1, weekday=4))
    assert meetings.committee == Frequency(every="month")
    assert meetings.branch_assembly is None


def test_load_many_reports_the_problems_of_every_file() -> None:
    first = INVALID / "29-unknown-role.yaml"
    second = INVALID / "44-many-problems.yaml"
    with pytest.raises(InputError) as info:
        studykit.load_many([first, *EXAMPLE_FILES, second])
    problems = info.value.problems
    assert {p.path for p in problems} == {str(first), str(second)}
    assert [without_path(p) for p in problems if p.path == str(first)] == expectations(first)
    assert [without_path(p) for p in problems if p.path == str(second)] == expectations(second)


def test_load_many_returns_every_curriculum() -> None:
    loaded = studykit.load_many(EXAMPLE_FILES)
    assert [c.source for c in loaded] == [str(p) for p in EXAMPLE_FILES]


def test_every_problem_is_found_in_one_pass() -> None:
    path = INVALID / "44-many-problems.yaml"
    problems = problems_of(path)
    assert len(problems) == 11
    assert len({(p.line, p.col) for p in problems}) == 11
    sections = {p.key.split(".")[0].split("[")[0] for p in problems}
    assert sections == {"organization", "roles", "members", "courses", "calendar"}


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert [p.text("en") for p in problems_of(missing)] == [f"{missing}:1:1: no such file"]
    assert [str(p) for p in problems_of(missing)] == [f"{missing}:1:1: 找不到这个文件"]


# --- property tests: the loader only ever raises the user-error type, with a place ---

_EXAMPLE = fuzzing.EXAMPLE


def _assert_user_error_with_place(load: Any) -> None:
    try:
        load()
    except studykit.InputError as exc:
        assert exc.problems
        for p in exc.problems:
            assert p.line >= 1 and p.col >= 1 and p.message and p.path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fuzzing.mutated(fuzzing._BASE))
def test_mutated_curricula_only_raise_located_user_errors(text: str) -> None:
    _assert_user_error_with_place(lambda: studykit.loads(text, "mutated.yaml"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_EXAMPLE.encode()) - 1), st.integers(0, 255)),
                min_size=1, max_size=6))
def test_corrupted_bytes_only_raise_located_user_errors(
        tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[int, int]]) -> None:
    raw = bytearray(_EXAMPLE.encode())
    for at, byte in flips:
        raw[at] = byte
    path = tmp_path_factory.mktemp("corrupt") / "c.yaml"
    path.write_bytes(bytes(raw))
    _assert_user_error_with_place(lambda: studykit.load(path))


# --- trying a change: with_course ----------------------------------------------------------


def test_with_course_changes_one_course_and_keeps_the_rest() -> None:
    cur = studykit.load(EXAMPLES / "employment-centre.yaml")
    index = next(i for i, c in enumerate(cur.courses) if c.id == "window-communication")
    trial = studykit.with_course(cur, "window-communication", date=date(2027, 3, 10),
                                 audience={"roles": ["window"]})
    assert trial.courses[index].date == date(2027, 3, 10)
    assert trial.course_by_id["window-communication"].audience == studykit.Audience(
        "roles", ("window",))
    assert [c.id for c in trial.courses] == [c.id for c in cur.courses]
    assert cur.course_by_id["window-communication"].date is None   # the original is untouched
    assert trial.source == cur.source


def test_with_course_checks_the_change_like_a_file() -> None:
    cur = studykit.load(EXAMPLES / "employment-centre.yaml")
    index = next(i for i, c in enumerate(cur.courses) if c.id == "window-communication")
    with pytest.raises(InputError) as info:
        studykit.with_course(cur, "window-communication", venue="四楼会议室",
                             audience={"roles": ["windw"]})
    said = sorted(p.text("en") for p in info.value.problems)
    assert said == [
        f"<trying courses[{index}]>:1:1: courses[{index}].audience.roles[0] (窗口服务沟通技巧): "
        "unknown role 'windw' (did you mean 'window'?)",
        f"<trying courses[{index}]>:1:1: courses[{index}].venue (窗口服务沟通技巧): "
        "unknown venue '四楼会议室' (did you mean '三楼会议室'?)",
    ]
    with pytest.raises(InputError) as info:
        studykit.with_course(cur, "window-communication", hours=0)
    (problem,) = info.value.problems
    assert problem.key == f"courses[{index}].hours"
    assert "这里应是学时数（0.25 到 24" in str(problem)
    with pytest.raises(studykit.UserError, match="未知的课程 'window-comunication'"):
        studykit.with_course(cur, "window-comunication")


def test_a_committee_member_who_is_no_longer_a_full_member_is_a_problem() -> None:
    text = MINIMAL.replace("    party: full\n", "    party: full\n    committee: member\n"
                           "    changes: [{date: 2027-05-01, party: probationary}]\n")
    with pytest.raises(InputError) as info:
        studykit.loads(text)
    (problem,) = info.value.problems
    assert problem.key == "members[0].changes[0].party"
    assert "只有正式党员（party: full）才能担任支部委员" in str(problem)


@pytest.mark.parametrize(("plain", "changed", "where", "says"), [
    ("party: 32 ", "party: 1.0e400 ", "rules.hours.party", "at most 8784"),
    ("party: 32 ", "party: " + "9" * 5000 + " ", "", "more than 18 digits"),
    ("    committee: 56  ", "    committee: 56\n  makeup-days: 3000000\n#",
     "rules.makeup-days", "from 1 to 366"),
    ("  holidays:\n    - 2027-01-01", "  holidays:\n    - 9999-12-31\n    - 2027-01-01",
     "calendar.holidays[0]", "from 1900 to 2199"),
    ("  - id: tangshu", '  - id: "tangshu\\n"', "members[0].id", "id"),
    ("  - id: tangshu", '  - id: "tangshu\\n"', "courses[7].speaker", "'tangshu\\u000a'"),
    # found by the fuzzer: an infinite length reached the midnight check before the schema
    ("    kind: party-lecture\n    hours: 2", "    kind: party-lecture\n    hours: 1.0e400",
     "courses[0].hours", "hours"),
    # a length that rounds to no time at all on the calendar
    ("    kind: party-lecture\n    hours: 2", "    kind: party-lecture\n    hours: 0.0000001",
     "courses[0].hours", "0.25 to 24"),
], ids=["infinite-floor", "huge-integer", "makeup-days", "year-9999", "id-newline",
        "spelt-suggestion", "infinite-hours", "tiny-hours"])
def test_numbers_years_and_ids_have_limits(centre_path: Path, plain: str, changed: str,
                                           where: str, says: str) -> None:
    text = centre_path.read_text(encoding="utf-8")
    assert plain in text
    with pytest.raises(InputError) as info:
        studykit.loads(text.replace(plain, changed, 1), "c.yaml")
    matching = [p for p in info.value.problems if p.key == where]
    assert matching, [p.text("en") for p in info.value.problems]
    assert any(says in p.text("en") for p in matching), [p.text("en") for p in matching]


@pytest.mark.parametrize(("plain", "changed", "where"), [
    ("    hours: 3\n", '    hours: 3\n    start: "23:30"\n', "courses[8].start"),
    ("    hours: 3\n", "    hours: 10\n", "courses[8].hours"),
    ('  start: "15:00"', '  start: "22:45"', "meetings.committee"),
], ids=["course-start", "course-hours", "calendar-start"])
def test_a_session_may_not_run_past_midnight(centre_path: Path, plain: str, changed: str,
                                             where: str) -> None:
    text = centre_path.read_text(encoding="utf-8")
    assert plain in text
    with pytest.raises(InputError) as info:
        studykit.loads(text.replace(plain, changed, 1), "c.yaml")
    said = [p.text("en") for p in info.value.problems if p.key.startswith(where)]
    assert any("past midnight" in s for s in said), [p.text("en") for p in info.value.problems]


CENTRE = (Path(__file__).resolve().parent.parent / "curricula" / "employment-centre.yaml"
          ).read_text(encoding="utf-8")


@pytest.mark.parametrize(("plain", "changed", "where", "says"), [
    ("  committee: deputy\n", "  committee: secretary\n", "89:16: members[1].committee",
     "一个支部只有一位书记，唐树已是书记"),
    ("group: 第二党小组", "group: 第二党小祖", "90:12: members[1].group",
     "党小组“第二党小祖”只有这一个人，名称又和另一个党小组几乎一样；"
     "是不是写错了？是不是 '第二党小组'？"),
    ("  party: activist\n", "  party: activist\n    group: 第一党小组\n",
     "164:12: members[11].group",
     "只有党员（正式或预备）编入党小组，这里是 party: activist"),
    ("roles: [window, liaison]", "roles: [window，liaison]",
     "262:24: courses[3].audience.roles[0]",
     "方括号或花括号里的“，”是中文标点"),
], ids=["two-secretaries", "lonely-group", "activist-in-a-group", "chinese-comma"])
def test_check_reports_how_the_branch_is_organised(plain: str, changed: str, where: str,
                                                   says: str) -> None:
    assert plain in CENTRE
    with pytest.raises(InputError) as info:
        studykit.loads(CENTRE.replace(plain, changed, 1), "c.yaml")
    assert any(p.text().startswith(f"c.yaml:{where}") and says in p.text()
               for p in info.value.problems), [p.text() for p in info.value.problems]


def test_a_secretary_who_hands_over_is_no_second_secretary() -> None:
    # 唐树 leaves at the end of March; 陈静 is secretary from 1 April: one at a time
    text = CENTRE.replace("  committee: secretary\n", "  committee: secretary\n"
                          "    left: 2027-03-31\n", 1).replace(
        "  committee: deputy\n", "  committee: deputy\n"
        "    changes: [{date: 2027-04-01, committee: secretary}]\n", 1)
    text = text.replace("    speaker: tangshu\n    audience: party\n    builds: {theory: 1}\n",
                        "    speaker: chenjing\n    audience: party\n    builds: {theory: 1}\n")
    cur = studykit.loads(text, "c.yaml")
    assert [m.id for m in cur.as_of(__import__("datetime").date(2027, 4, 1)).members
            if m.committee == "secretary"] == ["chenjing"]
    with pytest.raises(InputError) as info:     # the same hand-over a day early: two
        studykit.loads(text.replace("date: 2027-04-01, committee", "date: 2027-03-31, "
                                    "committee"), "c.yaml")
    assert any("一个支部只有一位书记" in p.text() and "changes[0].committee" in p.text()
               for p in info.value.problems)
