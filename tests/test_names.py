"""Members named as a person writes them (studykit/reading/names.py): one resolver for the
record workbook, sign-in exports and the notebook's form."""

from __future__ import annotations

from datetime import date

from conftest import EXAMPLES

import studykit
from studykit.reading.names import MemberNames, curriculum_labels, member_labels, name_key

TWO = """\
studykit: 1
organization: {name: 测试支部}
competencies: {a: 甲}
roles:
  window: {name: 窗口}
  back: {name: 后台}
members:
  - {id: wangfang, name: 王芳, role: window, party: full}
  - {id: wangfang2, name: 王芳, role: back, party: full}
  - {id: wangfang3, name: 王芳, role: back, party: full, joined: 2027-06-01}
  - {id: tangshu, name: 唐树, role: window, party: full}
courses: []
"""


def test_names_are_compared_as_a_sheet_writes_them() -> None:
    assert name_key("王　芳") == name_key(" 王 芳 ") == name_key("王芳同志") == name_key("王芳")
    assert name_key("Alice  CHEN") == name_key("alice chen") != name_key("alicechen")
    assert name_key("王芳\u200b") == "王芳"


def test_members_of_one_name_are_told_apart_by_their_post_not_their_id() -> None:
    cur = studykit.loads(TWO, "two.yaml")
    labels = curriculum_labels(cur)
    assert labels == {"wangfang": "王芳（窗口）", "wangfang2": "王芳（后台）",
                      "wangfang3": "王芳（后台2）", "tangshu": "唐树"}
    assert member_labels(cur.members[3:], {}) == {"tangshu": "唐树"}


def test_a_name_a_label_or_an_id_names_one_member() -> None:
    cur = studykit.loads(TWO, "two.yaml")
    names = MemberNames(curriculum_labels(cur), "zh-CN")
    assert names.member("唐　树") == names.member("唐树同志") == "tangshu"
    assert names.member("王芳（后台）") == "wangfang2" and names.member("wangfang") == "wangfang"
    ambiguous = names.member("王芳")
    assert not isinstance(ambiguous, str)
    assert "王芳（窗口）" in ambiguous.text("zh-CN") and "wangfang" not in ambiguous.text("zh-CN")
    unknown = names.member("唐数")
    assert not isinstance(unknown, str) and "是不是 '唐树'" in unknown.text("zh-CN")


def test_on_a_day_only_the_members_then_in_the_branch() -> None:
    cur = studykit.loads(TWO, "two.yaml")
    day = date(2027, 3, 1)
    then = [m.id for m in cur.as_of(day).members]
    names = MemberNames(curriculum_labels(cur), "zh-CN", day, then)
    not_yet = names.member("王芳（后台2）")
    assert not isinstance(not_yet, str) and "不在本支部" in not_yet.text("zh-CN")


def test_a_workbooks_own_list_comes_first() -> None:
    # a workbook written when the curriculum listed its members in another order
    cur = studykit.loads(TWO, "two.yaml")
    names = MemberNames(curriculum_labels(cur), "zh-CN", known={"王芳（后台）": "wangfang3"})
    assert names.member("王芳（后台）") == "wangfang3"


def test_the_example_names_everyone_by_name() -> None:
    cur = studykit.load(EXAMPLES / "employment-centre.yaml")
    assert {m.id: m.name for m in cur.members} == curriculum_labels(cur)
