"""A record written as YAML reads back as the same record, and looks like the examples."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

import studykit
from studykit.render.recordfile import ORDER, dump_record

ROOT = Path(__file__).resolve().parent.parent


def test_a_record_reads_back_as_it_was_given() -> None:
    cur = studykit.load(ROOT / "curricula" / "employment-centre.yaml")
    plans = studykit.year_plans(cur, [2027])
    data = {
        "summary": "各项任务要按时限落实：逾期要说明原因。", "session": "committee-2027-03",
        "date": date(2027, 3, 4), "start": "15:00", "end": "16:30", "venue": "三楼会议室",
        "chair": "tangshu", "recorder": "zhouhaiyan",
        "present": ["tangshu", "chenjing", "zhouhaiyan", "gaoyun"], "late": ["xuming"],
        "topics": ["听取上次支委会决定事项落实情况", "研究3月主题党日安排"],
        "votes": [{"motion": "同意3月主题党日到社区开展政策宣传，并通知全体党员", "for": 5,
                   "against": 0, "abstain": 0}],
        "decisions": ["3月主题党日到社区开展就业政策宣传。"],
        "actions": [{"task": "联系社区: 确定宣传场地", "owner": "xuming",
                     "due": date(2027, 3, 12)}]}
    text = dump_record(data, "会议记录素材：3月支部委员会会议")
    assert yaml.safe_load(text) == data
    record = studykit.loads_record(text, cur, plans, path="committee-2027-03.yaml")
    assert record.late == ["xuming"] and record.votes[0].for_ == 5
    lines = text.splitlines()
    # as the examples are written: the heading, keys in the documented order, times in
    # quotes, member lists on one line, a vote on one line
    assert lines[0] == "# 会议记录素材：3月支部委员会会议"
    keys = [line.split(":")[0] for line in lines[1:] if line[:1].isalpha()]
    assert keys == sorted(keys, key=ORDER.index) and keys[0] == "session"
    assert "start: '15:00'" in lines
    assert "present: [tangshu, chenjing, zhouhaiyan, gaoyun]" in lines
    assert any(line.startswith("- {motion: ") for line in lines)


def test_only_a_record_s_keys_are_written() -> None:
    with pytest.raises(ValueError, match="colour"):
        dump_record({"session": "x", "date": date(2027, 1, 1), "colour": "red"})
