"""Notices: one per session and the quarter's file, from the plan and the course."""

from __future__ import annotations

import re
from pathlib import Path

import studykit
from studykit.render.notices import notice_files, quarter_notices, session_notice


def test_a_notice_says_who_when_where_and_what_to_prepare(centre_path: Path) -> None:
    plan = studykit.plan_quarter(studykit.load(centre_path), "2027Q1")
    lecture = session_notice(plan, plan.session("employment-policy-2027"))
    assert lecture.startswith("关于举办“2027年就业创业政策解读”的通知\n\n各位同志：\n")
    assert "时间：2027年1月14日（星期四）15:00—17:00" in lecture
    assert "地点：党员活动室" in lecture and "主讲：区人社局就业促进科" in lecture
    names = [plan.curriculum.member_by_id[m].name for m in plan.session(
        "employment-policy-2027").attendees]
    assert f"参加人员：{'、'.join(names)}（共{len(names)}人）" in lecture
    assert "请提前学习2027年就业创业政策汇编" in lecture
    assert "在30天内完成补学" in lecture
    assert lecture.rstrip().endswith("亭湖区劳动就业服务中心党支部")
    committee = session_notice(plan, plan.session("committee-2027-01"))
    assert committee.startswith("关于召开1月支部委员会会议的通知\n\n各位支委：")
    assert "参加人员：支部委员（5人）" in committee
    assert "补学" not in committee and "提前向唐树请假" in committee   # a committee decides
    themed = session_notice(plan, plan.session("theme-day-2027-03"))
    assert themed.startswith("关于开展3月主题党日的通知")
    assert "一、主题：学雷锋志愿服务进“春风行动”招聘会" in themed
    assert "地点：亭湖区人力资源市场" in themed and "请按时到亭湖区人力资源市场集合" in themed
    # nothing a reader has to decode
    for notice in (lecture, committee, themed):
        assert not re.search(r"\d{4}-\d{2}-\d{2}|[a-z]+-[a-z0-9-]+|_", notice), notice


def test_notices_in_english_and_the_quarter_file(team_path: Path) -> None:
    plan = studykit.plan_quarter(studykit.load(team_path), "2026Q4")
    first = session_notice(plan, plan.sessions[0])
    assert first.startswith(f"Notice: {plan.sessions[0].title}\n")
    assert "When: " in first and "tell " in first
    whole = quarter_notices(plan)
    assert whole.count("Notice: ") == len(plan.sessions)
    files = notice_files(plan)
    assert set(files) == {"notices.txt", *(f"sessions/{s.id}/notice.txt"
                                           for s in plan.sessions)}
    assert files[f"sessions/{plan.sessions[0].id}/notice.txt"].decode() == first
