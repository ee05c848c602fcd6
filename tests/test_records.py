"""Session records: read like curricula, checked against the curriculum and the plan."""

from __future__ import annotations

from pathlib import Path

import pytest

import studykit
from studykit.domain.records import Record
from studykit.domain.time import quarter_of
from studykit.engine.planner import year_plans
from studykit.reading.records import load_record, read_ledger

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def setting() -> tuple[studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    return cur, year_plans(cur, [2027])


Setting = tuple[studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]


def problems(tmp_path: Path, text: str, setting: Setting) -> list[str]:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(studykit.InputError) as info:
        load_record(path, *setting)
    return [p.text("en").removeprefix(f"{path}:") for p in info.value.problems]


def test_the_example_records_load(setting: tuple[studykit.Curriculum,
                                                 dict[studykit.Quarter, studykit.Plan]]) -> None:
    # the whole year's: each session record's session is in the plan of its quarter
    for path in sorted((ROOT / "curricula" / "records").glob("*.yaml")):
        record = load_record(path, *setting)
        assert not isinstance(record, Record) or record.session in \
            setting[1][quarter_of(record.date)].by_id


COMMITTEE = """\
session: committee-2027-01
date: 2027-01-06
present: [tangshu, chenjing, zhouhaiyan, xuming, gaoyun]
"""


def test_every_problem_with_its_place(tmp_path: Path, setting: tuple[
        studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]) -> None:
    text = """\
session: committe-2027-01
date: 2027-01-06
chair: tangsu
present: [tangshu, chenjing, chenjing]
late: [tangshu]
absent: {chenjing: 病假, nobody: x}
votes:
  - {motion: m, for: 9, against: 0, abstain: 0}
  - {motion: m2, for: many}
actions:
  - {task: t, owner: ghost, due: 2027-02-30}
extra: 1
"""
    assert problems(tmp_path, text, setting) == [
        "1:10: session: no session 'committe-2027-01' in the plan of this quarter "
        "(did you mean 'committee-2027-01'?)",
        "3:8: chair: unknown member 'tangsu' (did you mean 'tangshu'?)",
        "4:30: present[2]: 'chenjing' is listed twice",
        "5:8: late[0]: 'tangshu' is both present and late",
        "6:10: absent.chenjing: 'chenjing' is both present and absent",
        "6:24: absent.nobody: unknown member 'nobody' (known: tangshu, chenjing, zhouhaiyan, "
        "xuming, gaoyun, liuyang, sunli, zhaolei, hemin, wangfang, jiangtao, zhuxiaoyu, …)",
        "8:5: votes[0] (m): 9 votes (for 9, against 0, abstain 0) but only 2 members entitled "
        "to vote were there",
        "9:23: votes[1].for (m2): expected a whole number of votes (0 or more), found 'many'",
        "11:22: actions[0].owner (t): unknown member 'ghost' (known: tangshu, chenjing, "
        "zhouhaiyan, xuming, gaoyun, liuyang, sunli, zhaolei, hemin, wangfang, jiangtao, "
        "zhuxiaoyu, …)",
        "11:34: actions[0].due (t): '2027-02-30' is not a date in the calendar (day is out "
        "of range for month)",
        "12:1: extra: unknown key `extra` (known here: session, date, start, end, venue, chair, "
        "recorder, number, present, late, absent, unexcused, guests, topics, materials, speeches, "
        "votes, decisions, actions, summary, attachments, done, makeup, draft)",
    ]


def test_expected_members_must_all_be_accounted_for(tmp_path: Path, setting: tuple[
        studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]) -> None:
    text = COMMITTEE.replace(", gaoyun]", "]")
    assert problems(tmp_path, text, setting) == [
        "1:1: members expected at this session are not listed as present, late or absent: "
        "gaoyun"]


def test_a_guest_may_speak(tmp_path: Path, setting: tuple[
        studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(COMMITTEE + "guests: [区人社局 张科长]\nspeeches:\n"
                    "  - {who: 区人社局 张科长, said: 讲话}\n", encoding="utf-8")
    record = load_record(path, *setting)
    assert isinstance(record, Record)
    assert record.speeches[0].who == "区人社局 张科长"
    assert record.attended == ["tangshu", "chenjing", "zhouhaiyan", "xuming", "gaoyun"]


def test_empty_and_not_a_mapping(tmp_path: Path, setting: tuple[
        studykit.Curriculum, dict[studykit.Quarter, studykit.Plan]]) -> None:
    assert problems(tmp_path, "", setting) == [
        "1:1: the file is empty; a session record starts with `session: <session id>`"]
    assert problems(tmp_path, "- a\n", setting) == [
        "1:1: expected a mapping of keys (session, date, present, …) at the top of the file"]


def test_a_curriculum_in_the_records_folder_is_named_as_such(tmp_path: Path,
                                                            setting: Setting) -> None:
    text = (ROOT / "curricula" / "small-team.en.yaml").read_text(encoding="utf-8")
    (found,) = problems(tmp_path, text, setting)
    assert found.endswith("studykit: this is a curriculum, not a session record; keep the "
                          "records in a folder of their own")


def test_someone_not_in_the_branch_that_day_is_a_problem(tmp_path: Path) -> None:
    text = (ROOT / "curricula" / "employment-centre.yaml").read_text(encoding="utf-8")
    cur = studykit.loads(text.replace("  - id: xuming\n", "  - id: xuming\n    left: 2027-01-31\n",
                                      1))
    plans = year_plans(cur, [2027])
    record = tmp_path / "r.yaml"
    session = plans[studykit.Quarter(2027, 1)].session("committee-2027-02")
    assert "xuming" not in session.expected               # he left before it
    record.write_text(f"session: committee-2027-02\ndate: {session.date}\n"
                      f"present: [{', '.join(session.attendees)}, xuming]\nchair: xuming\n",
                      encoding="utf-8")
    with pytest.raises(studykit.InputError) as info:
        load_record(record, cur, plans)
    said = [p.text("en").removeprefix(f"{record}:") for p in info.value.problems]
    assert said == [
        f"3:{11 + len(', '.join(session.attendees)) + 2}: present[{len(session.attendees)}]: "
        f"'xuming' is not in the branch on {session.date} (see joined / left in the curriculum)",
        f"4:8: chair: 'xuming' is not in the branch on {session.date} (see joined / left in "
        "the curriculum)",
    ]


def test_votes_count_against_those_present_who_may_vote(
        tmp_path: Path, setting: tuple[studykit.Curriculum,
                                       dict[studykit.Quarter, studykit.Plan]]) -> None:
    # ten attend the assembly of 18 February, but 王芳 and 蒋涛 are probationary members
    # that day (蒋涛 converts on the 19th) and may not vote: nine votes are one too many
    text = (ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml").read_text(
        encoding="utf-8")
    assert "for: 8," in text
    said = problems(tmp_path, text.replace("for: 8,", "for: 9,"), setting)
    assert any("9 votes (for 9, against 0, abstain 0) but only 8 members entitled to vote"
               in line for line in said), said
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    assert load_record(tmp_path / "ok.yaml", *setting).votes[0].for_ == 8


@pytest.mark.parametrize(("name", "plain", "changed", "says"), [
    # 刘洋 missed the plenum study of 2027-01-07; a make-up before it makes up nothing
    ("makeup-2027-01.yaml", "date: 2027-01-14", "date: 2027-01-05",
     "make-up study on 2027-01-05, before the session it makes up (2027-01-07)"),
    ("committee-2027-03.yaml", "committee-2027-02/1]", "committee-2027-02/9]",
     "'committee-2027-02/9' names no action"),
    ("committee-2027-03.yaml", "committee-2027-02/1]", "committee-2027-03/1]",
     "'committee-2027-03/1' was decided in this very record"),
], ids=["makeup-before-absence", "done-names-nothing", "done-names-itself"])
def test_what_only_the_other_records_show(tmp_path: Path, name: str, plain: str,
                                          changed: str, says: str) -> None:
    for path in (ROOT / "curricula" / "records").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == name:
            assert plain in text
            text = text.replace(plain, changed, 1)
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), year=2027)
    said = [p.text("en") for p in ledger.problems]
    assert any(p.startswith(str(tmp_path / name)) and says in p for p in said), said


@pytest.mark.parametrize(("start", "end"), [("23:30", "01:30"), ("15:00", "15:00")])
def test_a_record_cannot_run_past_midnight(tmp_path: Path, setting: Setting, start: str,
                                           end: str) -> None:
    text = (ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml").read_text(
        encoding="utf-8")
    lines = [f'start: "{start}"' if line.startswith("start:") else
             f'end: "{end}"' if line.startswith("end:") else line
             for line in text.splitlines()]
    said = problems(tmp_path, "\n".join(lines) + "\n", setting)
    assert said == [f"5:6: end: the end {end} is not after the start {start}; a session "
                    "cannot run past midnight"]


def test_a_make_up_for_a_session_the_member_attended_is_a_problem(tmp_path: Path) -> None:
    # 唐树 chaired the plenum study of 2027-01-07: there is nothing for him to make up
    for path in (ROOT / "curricula" / "records").glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "makeup-tangshu.yaml").write_text(
        "makeup:\n  - member: tangshu\n    session: plenum-study\n    date: 2027-01-20\n",
        encoding="utf-8")
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    ledger = read_ledger(cur, sorted(tmp_path.glob("*.yaml")), 2027)
    said = [p.text("en") for p in ledger.problems if p.path.endswith("makeup-tangshu.yaml")]
    assert said == [f"{tmp_path / 'makeup-tangshu.yaml'}:2:13: makeup[0].member: 'tangshu' "
                    "attended plenum-study (2027-01-07) and missed nothing to make up; check "
                    "the member or the session"]


def test_a_record_named_twice_is_read_once(tmp_path: Path) -> None:
    from studykit.reading.records import parse_records

    record = ROOT / "curricula" / "records" / "branch-assembly-2027q1.yaml"
    twice = [record, Path(str(record).replace("/records/", "/records/./"))]
    assert len(parse_records(twice)) == 1


NURSING = """\
studykit: 1
organization:
  name: 县人民医院护理党支部
  venues: {示教室: 30}
competencies: {care: 护理技能}
roles:
  nurse: {name: 护士, requires: {care: 3}}
members:
{members}
meetings:
  branch-assembly: quarterly
"""


def test_seventeen_votes_where_fifteen_may_vote_are_refused(tmp_path: Path) -> None:
    """A nursing branch of 15 full and 2 probationary members: all 17 attend its assembly,
    but only the 15 full members vote, so 17 votes cannot be; 15 can."""
    from studykit.app.workflows import write_minutes_of

    people = [(f"n{i:02d}", "full") for i in range(1, 16)] + [("p01", "probationary"),
                                                               ("p02", "probationary")]
    members = "\n".join(f"  - {{id: {m}, name: 护士{i}, role: nurse, party: {party}}}"
                        for i, (m, party) in enumerate(people, start=1))
    curriculum = tmp_path / "nursing.yaml"
    curriculum.write_text(NURSING.replace("{members}", members), encoding="utf-8")
    cur = studykit.load(curriculum)
    plan = studykit.plan_quarter(cur, "2026Q4")
    (assembly,) = [s for s in plan.sessions if s.kind == "branch-assembly"]
    assert len(assembly.attendees) == 17
    record = tmp_path / "records" / "assembly.yaml"
    record.parent.mkdir()

    def write(votes_for: int) -> None:
        record.write_text(f"session: {assembly.id}\ndate: {assembly.date}\n"
                          f"present: [{', '.join(m for m, _ in people)}]\n"
                          f"votes:\n  - {{motion: 同意接收新党员, for: {votes_for}}}\n",
                          encoding="utf-8")

    write(17)
    with pytest.raises(studykit.InputError) as info:
        write_minutes_of(curriculum, [record], tmp_path / "out")
    (problem,) = info.value.problems
    assert problem.text("zh-CN") == (
        f"{record}:5:5: votes[0]（同意接收新党员）: 共17票（赞成17、反对0、弃权0），"
        "但到会的有表决权的人只有15人")
    assert not (tmp_path / "out").exists()
    write(15)
    assert write_minutes_of(curriculum, [record], tmp_path / "out").written.written


def test_absent_without_leave_is_an_absence_like_any_other(tmp_path: Path,
                                                           setting: Setting) -> None:
    text = COMMITTEE.replace("xuming, gaoyun]", "xuming]\nunexcused: [gaoyun]")
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    record = load_record(path, *setting)
    assert isinstance(record, Record) and record.absences == {"gaoyun": None}
    # without leave and present, or on leave too: said where
    assert problems(tmp_path, COMMITTEE + "unexcused: [gaoyun]\n", setting) == [
        "4:13: unexcused[0]: 'gaoyun' is both present and unexcused"]
    assert problems(tmp_path, text + "absent: {gaoyun: 病假}\n", setting) == [
        "4:13: unexcused[0]: 'gaoyun' is both absent and unexcused"]


@pytest.mark.parametrize(("text", "kind"), [
    ("evaluation: 2027\ngrades: {tangshu: qualified}\n", "EvaluationRecord"),
    ("evaluation: 2027\nsession: branch-assembly-2027q4\n", "EvaluationRecord"),
    ("results: 2027\nvalues: {}\n", "ResultsRecord"),
    ("visits: []\n", "VisitLog"),
    ("makeup: []\n", "MakeupRecord"),
    ("assessment: 2027-03-01\nlevels: {}\n", "AssessmentRecord"),
    ("session: committee-2027-01\ndate: 2027-01-06\n", "Record"),
])
def test_a_record_is_known_by_its_content(text: str, kind: str) -> None:
    import yaml

    from studykit.reading.records import record_kind

    assert record_kind(yaml.safe_load(text)).__name__ == kind


def test_chinese_commas_in_a_record_are_named_as_such(tmp_path: Path, setting: Setting) -> None:
    said = problems(tmp_path, COMMITTEE.replace("xuming, gaoyun]", "xuming，gaoyun]"), setting)
    assert "3:42: present[3]: '，' inside [...] or {...} is Chinese punctuation, and YAML " \
        "separates only on ',', so 'xuming，gaoyun' is read as one item; use ','" in said
    # in a flow mapping the parser stops: the comma itself is pointed at
    assert problems(tmp_path, "evaluation: 2027\nballots:\n  tangshu: {优秀: 9，合格: 2}\n",
                    setting) == ["3:18: YAML syntax: this comma is a Chinese one; the items "
                                 "inside [...] or {...} are separated by an ASCII ',', like "
                                 "{excellent: 9, qualified: 2}"]


def test_checking_every_record_raises_nothing_and_finds_everything(
        setting: Setting) -> None:
    from studykit.reading import yamlio
    from studykit.reading.records import check_every_record

    def docs() -> list[yamlio.Document]:
        """A record of no date, one naming a stranger, and a copy of a third."""
        return [yamlio.parse("session: committee-2027-02\ndate: 2027-02-30\n", "shape.yaml"),
                yamlio.parse(COMMITTEE.replace("gaoyun]", "gaoyun, nobody]"), "stranger.yaml"),
                yamlio.parse(COMMITTEE, "z-copy.yaml")]

    read, found, plans = check_every_record(docs(), setting[0])
    assert [doc.path for doc, _ in read] == ["stranger.yaml", "z-copy.yaml"]
    assert [(p.path, p.key, p.message.key) for p in found] == [
        ("shape.yaml", "date", "not_a_date"),
        ("stranger.yaml", "present[5]", "ref.unknown"),
        ("z-copy.yaml", "session", "record.second")]
    assert all(p.locale == "zh-CN" for p in found)
    assert {q.year for q in plans} == {2027}
    # without a curriculum: the shape and the records against each other, nothing else
    read, found, plans = check_every_record(docs(), None, "en")
    assert plans == {} and len(read) == 2
    assert [(p.path, p.message.key, p.locale) for p in found] == [
        ("shape.yaml", "not_a_date", "en"), ("z-copy.yaml", "record.second", "en")]


def test_a_mapping_with_any_key_of_a_record_is_a_record() -> None:
    from studykit.reading.records import RECORD_KEYS

    assert {"session", "makeup", "assessment", "evaluation", "results", "visits", "votes",
            "present"} <= RECORD_KEYS
    assert not RECORD_KEYS & {"studykit", "organization", "members", "quarter", "sessions"}


def test_a_loop_of_links_among_the_records_is_said_not_a_crash(tmp_path: Path) -> None:
    from studykit.reading.records import parse_records, record_files

    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "r.yaml").write_text(COMMITTEE, encoding="utf-8")
    files = record_files([tmp_path])
    assert [p.name for p in files] == ["loop.yaml", "r.yaml"]
    with pytest.raises(studykit.InputError) as info:
        parse_records(files)
    assert [p.path for p in info.value.problems] == [str(tmp_path / "loop.yaml")]
    assert [d.path for d in parse_records(files, skip_unreadable=True)] == \
        [str(tmp_path / "r.yaml")]
