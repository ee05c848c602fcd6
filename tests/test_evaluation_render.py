"""The year's evaluation as the branch files it (民主评议党员): the ballot, each member's
register, the summary for the higher committee, the scorecard (Word and Excel), and the
minutes of the assembly it was held at; read back in both languages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from conftest import ROOT, cell_texts, check_filed_sheets

import studykit
from studykit.app.workflows import branch_evaluation, write_evaluation, write_minutes_of
from studykit.domain.time import quarter_of
from studykit.engine.evaluation import Evaluation

# --- a small branch of one's own, in either language ---------------------------------

WORDS = {
    "zh-CN": {
        "org": "城南街道社区服务中心党支部", "unit": "城南街道社区服务中心",
        "room": "会议室", "policy": "政策业务", "service": "群众工作",
        "head": "中心主任", "worker": "社区网格员", "visits": "走访服务企业",
        "unit_visits": "家次", "satisfaction": "群众满意度", "post": "党员先锋岗",
        "pledge": "有求必应、服务到家", "group": "第一党小组", "course": "基层治理政策解读",
        "speaker": "区民政局", "leave": "病假",
        "names": ["王华", "李娜", "张强", "刘梅", "赵丽", "孙宇", "陈波", "周杰"],
        "firm1": "城南某食品有限公司", "asked1": "招收营业员5名", "solved1": "推荐参加招聘会",
        "firm2": "城南某物流公司", "asked2": "稳岗补贴怎么申领", "firm3": "城南某超市",
    },
    "en": {
        "org": "Riverside Service Team Party Branch", "unit": "Riverside Community Centre",
        "room": "Meeting Room", "policy": "Policy", "service": "Outreach",
        "head": "Centre head", "worker": "Community worker", "visits": "Enterprise visits",
        "unit_visits": "visits", "satisfaction": "Satisfaction", "post": "Pioneer desk",
        "pledge": "Every request answered", "group": "Group One",
        "course": "Local governance policy", "speaker": "District Civil Affairs Bureau",
        "leave": "sick leave",
        "names": ["Hua Wang", "Na Li", "Qiang Zhang", "Mei Liu", "Li Zhao", "Yu Sun",
                  "Bo Chen", "Jie Zhou"],
        "firm1": "Riverside Foods Ltd", "asked1": "five sales staff",
        "solved1": "sent to the job fair",
        "firm2": "Riverside Logistics", "asked2": "how to claim the job subsidy",
        "firm3": "Riverside Market",
    },
}
IDS = ["wanghua", "lina", "zhangqiang", "liumei", "zhaoli", "sunyu", "chenbo", "zhoujie"]
"""王华 secretary, 李娜 deputy (the pioneer post), 张强 committee member, 刘梅 probationary,
赵丽 and 孙宇 full members, 陈波 left in June, 周杰 not a party member."""


def write_branch(folder: Path, locale: str, *, graded: bool = True) -> Path:
    """A branch of six party members in 2027 (and one who left in June), its year's
    records: the fourth quarter's branch assembly that evaluated them, business results
    and service visits; ``graded``: with the evaluation record. Returns the curriculum."""
    w = WORDS[locale]
    n = dict(zip(IDS, w["names"], strict=True))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "records").mkdir(exist_ok=True)
    members = [
        f"  - {{id: wanghua, name: {n['wanghua']}, role: head, party: full, "
        f"committee: secretary, group: {w['group']}}}",
        f"  - {{id: lina, name: {n['lina']}, role: worker, party: full, committee: deputy, "
        f"group: {w['group']}}}",
        f"  - {{id: zhangqiang, name: {n['zhangqiang']}, role: worker, party: full, "
        f"committee: member, group: {w['group']}}}",
        f"  - {{id: liumei, name: {n['liumei']}, role: worker, party: probationary}}",
        f"  - {{id: zhaoli, name: {n['zhaoli']}, role: worker, party: full, group: {w['group']}}}",
        f"  - {{id: sunyu, name: {n['sunyu']}, role: head, party: full, group: {w['group']}}}",
        f"  - {{id: chenbo, name: {n['chenbo']}, role: worker, party: full, "
        f"group: {w['group']}, left: 2027-06-30}}",
        f"  - {{id: zhoujie, name: {n['zhoujie']}, role: worker, party: none}}",
    ]
    curriculum = f"""studykit: 1
organization:
  name: {w['org']}
  unit: {w['unit']}
  locale: {locale}
  venues: {{{w['room']}: 20}}
competencies:
  policy: {w['policy']}
  service: {w['service']}
roles:
  head:
    name: {w['head']}
    requires: {{policy: 2, service: 2}}
  worker:
    name: {w['worker']}
    requires: {{policy: 2, service: 2}}
    indicators: [visits, satisfaction]
indicators:
  visits: {{name: {w['visits']}, unit: {w['unit_visits']}, target: 2}}
  satisfaction: {{name: {w['satisfaction']}, unit: "%", target: 90}}
pioneer-posts:
  - {{post: {w['post']}, member: lina, pledge: {w['pledge']}, period: 2027}}
members:
{chr(10).join(members)}
courses:
  - id: governance
    title: {w['course']}
    kind: lecture
    hours: 2
    speaker: {w['speaker']}
    audience: party
    quarters: [4]
meetings:
  branch-assembly: quarterly
  evaluation: yearly
calendar:
  weekdays: [tue, wed, thu]
  start: "15:00"
  holidays: [2027-10-01..2027-10-07]
"""
    path = folder / "branch.yaml"
    path.write_text(curriculum, encoding="utf-8")
    cur = studykit.load(path)
    plans = studykit.year_plans(cur, [2027])
    assembly = next(s for p in plans.values() for s in p.sessions if s.evaluation)
    records = folder / "records"
    (records / "assembly.yaml").write_text(
        f"session: {assembly.id}\ndate: {assembly.date.isoformat()}\n"
        "present: [wanghua, lina, zhangqiang, liumei, zhaoli]\n"
        f"absent: {{sunyu: {w['leave']}}}\n", encoding="utf-8")
    if graded:
        (records / "evaluation.yaml").write_text(
            f"evaluation: 2027\nsession: {assembly.id}\n"
            "ballots:\n"
            "  wanghua: {excellent: 4, qualified: 1}\n"
            "  lina: {excellent: 1, qualified: 4}\n"
            "  zhangqiang: {qualified: 1, basic: 4}\n"
            "grades: {wanghua: excellent, lina: qualified, zhangqiang: basic}\n",
            encoding="utf-8")
    (records / "results.yaml").write_text(
        "results: 2027\nvalues:\n  lina: {satisfaction: 96}\n", encoding="utf-8")
    (records / "visits.yaml").write_text(
        "counts: [visits]\nvisits:\n"
        f"  - {{member: lina, enterprise: {w['firm1']}, date: 2027-03-02, asked: {w['asked1']}, "
        f"solved: {w['solved1']}}}\n"
        f"  - {{member: lina, enterprise: {w['firm2']}, date: 2027-05-11, asked: {w['asked2']}}}\n"
        f"  - {{member: lina, enterprise: {w['firm1']}, date: 2027-09-20}}\n"
        f"  - {{member: zhangqiang, enterprise: {w['firm3']}, date: 2027-04-08}}\n",
        encoding="utf-8")
    return path


def evaluated(tmp_path: Path, locale: str = "zh-CN", graded: bool = True,
              ) -> tuple[Evaluation, Path]:
    """The branch's evaluation of 2027, its documents written into ``tmp_path/out``."""
    path = write_branch(tmp_path / locale, locale, graded=graded)
    ev = branch_evaluation(path, path.parent / "records", 2027)
    out = tmp_path / "out"
    write_evaluation(ev, out)
    return ev, out / "evaluation"


def texts(path: Path) -> list[str]:
    """Every paragraph and every cell of a Word document, in order (a merged cell once)."""
    document = docx.Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen: list[Any] = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.append(cell._tc)
                    out.append(cell.text)
    return out


def rows(path: Path, index: int = 0) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[index].rows]


DUE = ["wanghua", "lina", "zhangqiang", "liumei", "zhaoli", "sunyu"]
NAMES = dict(zip(IDS, WORDS["zh-CN"]["names"], strict=True))


@pytest.fixture(scope="module")
def zh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Evaluation, Path]:
    return evaluated(tmp_path_factory.mktemp("zh"))


@pytest.fixture(scope="module")
def en(tmp_path_factory: pytest.TempPathFactory) -> tuple[Evaluation, Path]:
    return evaluated(tmp_path_factory.mktemp("en"), "en")


def test_every_document_of_the_evaluation_is_written(zh: tuple[Evaluation, Path]) -> None:
    ev, folder = zh
    assert [e.member for e in ev.due] == DUE        # not 陈波, who left; not 周杰, no member
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert written == sorted(["ballot.docx", "summary.docx", "scorecard.docx",
                              "scorecard.xlsx", *(f"register/{m}.docx" for m in DUE)])


def test_the_ballot_has_a_box_per_grade_for_every_member_to_evaluate(
        zh: tuple[Evaluation, Path]) -> None:
    ev, folder = zh
    table = rows(folder / "ballot.docx")
    assert table[0] == ["序号", "姓名", "党员类别", "优秀", "合格", "基本合格", "不合格", "备注"]
    # in the curriculum's order, no score, no ranking: every box empty
    assert [r[:3] for r in table[1:]] == [
        [str(n), NAMES[m], "预备党员" if m == "liumei" else "正式党员"]
        for n, m in enumerate(DUE, 1)]
    assert all(cell == "" for r in table[1:] for cell in r[3:])
    said = "\n".join(texts(folder / "ballot.docx"))
    assert "城南街道社区服务中心党支部" in said and "2027年度民主评议党员民主测评表" in said
    # 优秀 at most a third of the three graded
    assert ev.excellent_max == 1
    assert "评为“优秀”的不超过1名" in said
    assert "测评人（可不署名）：" in said and "日期：" in said


def test_a_ballot_printed_before_any_grade_allows_a_third_of_those_due(
        tmp_path: Path) -> None:
    ev, folder = evaluated(tmp_path, graded=False)
    assert not ev.evaluated
    assert ev.excellent_max == 2                       # a third of six, rounded down
    assert "评为“优秀”的不超过2名" in "\n".join(texts(folder / "ballot.docx"))
    # nothing decided yet: the summary and the registers leave it to be written in
    summary = "\n".join(texts(folder / "summary.docx"))
    assert "尚未评定等次" in summary
    register = "\n".join(texts(folder / "register" / "wanghua.docx"))
    assert "□优秀" in register and "优秀＿＿票" in register


def test_a_register_sets_out_the_members_year(zh: tuple[Evaluation, Path]) -> None:
    _, folder = zh
    cells = texts(folder / "register" / "lina.docx")
    said = "\n".join(cells)
    assert "2027年度党员民主评议登记表" in said
    for words in ("李娜", "正式党员", "社区网格员", "第一党小组",
                  "党员先锋岗（承诺：有求必应、服务到家）",
                  "全年学习2学时，年度要求56学时，未达到要求",
                  "应参加1次，出席1次，出勤率100%",
                  "走访3次（2家）",
                  "3月2日　城南某食品有限公司；诉求：招收营业员5名；解决：推荐参加招聘会",
                  "5月11日　城南某物流公司；诉求：稳岗补贴怎么申领",
                  "走访服务企业：完成3家次，目标2家次，达到目标",
                  "群众满意度：完成96%，目标90%，达到目标",
                  "优秀1票，合格4票，基本合格0票，不合格0票（共5票）",
                  "本人签名", "支部书记签名"):
        assert words in said, words
    # the labels of what is written in by hand, and the grade decided
    labels = [c.replace("\n", "") for c in cells]
    for label in ("个人自评", "党小组意见", "民主测评结果", "支部委员会意见", "党员大会评定等次"):
        assert label in labels, label
    grade = labels.index("党员大会评定等次")
    assert labels[grade + 1] == "合格"
    # the visits in the order they were made; 9月20日 with nothing asked or solved
    assert said.index("3月2日") < said.index("5月11日") < said.index("9月20日")
    assert "9月20日　城南某食品有限公司\n" in said


def test_a_register_leaves_ruled_blanks_where_the_records_say_nothing(
        zh: tuple[Evaluation, Path]) -> None:
    _, folder = zh
    cells = [c.replace("\n", "") for c in texts(folder / "register" / "liumei.docx")]
    said = "\n".join(cells)
    # 刘梅: no party group, no pioneer post, no actions or visits, not graded, no ballot
    assert cells[cells.index("党小组") + 1].startswith("＿＿＿")
    for label in ("先锋岗及承诺", "承担事项", "挂钩服务企业走访", "个人自评"):
        assert cells[cells.index(label) + 1].startswith("＿" * 20), label
    assert "优秀＿＿票，合格＿＿票，基本合格＿＿票，不合格＿＿票" in said
    assert "□优秀　　□合格　　□基本合格　　□不合格" in said
    assert "None" not in said and "liumei" not in said


def test_the_summary_for_the_higher_committee(zh: tuple[Evaluation, Path]) -> None:
    ev, folder = zh
    path = folder / "summary.docx"
    said = "\n".join(texts(path))
    day = ev.day
    assert ev.held is not None
    for words in ("2027年度民主评议党员结果汇总表", f"2027年{day.month}月{day.day}日", "王华",
                  "应到会党员6名，实到5名，超过半数",
                  "本支部应参加评议党员6名，实际参评3名。评定优秀1名（占33%），合格1名，"
                  "基本合格1名，不合格0名。",
                  "王华同志评为优秀，但全年学习2学时，未达到56学时。",
                  "支部书记（签字）", "中共城南街道社区服务中心党支部（盖章）", "（盖章）"):
        assert words in said, words
    assert "上级党委意见" in said.replace("\n", "")
    table = rows(path, 1)
    assert table[0][3] == table[0][6] == "民主测评票数"           # over the four grades
    assert table[1][3:7] == ["优秀", "合格", "基本合格", "不合格"]
    body = {r[1]: r for r in table[2:]}
    assert list(body) == [NAMES[m] for m in DUE]
    assert body["王华"][2:] == ["正式党员", "4", "1", "0", "0", "优秀", ""]
    assert body["张强"][2:] == ["正式党员", "0", "1", "4", "0", "基本合格", "限期改正"]
    assert body["刘梅"][2:] == ["预备党员", "", "", "", "", "", ""]
    # the follow-up, due in words
    follow = rows(path, 2)
    assert follow[1] == ["1", "张强", "基本合格", "张强同志限期改正（民主评议评定为基本合格）",
                         "2028年2月16日"]


def test_a_summary_of_an_evaluation_not_yet_held_leaves_the_meeting_blank(
        tmp_path: Path) -> None:
    path = write_branch(tmp_path / "b", "zh-CN")
    (path.parent / "records" / "assembly.yaml").unlink()
    ev = branch_evaluation(path, path.parent / "records", 2027)
    assert ev.held is None
    write_evaluation(ev, tmp_path / "out")
    cells = [c.replace("\n", "") for c in texts(tmp_path / "out" / "evaluation" /
                                                "summary.docx")]
    assert cells[cells.index("评议时间") + 1].startswith("＿＿＿")
    assert "应到会党员＿＿名，实到＿＿名" in cells


def test_the_scorecard_in_word_and_excel(zh: tuple[Evaluation, Path]) -> None:
    _, folder = zh
    said = "\n".join(texts(folder / "scorecard.docx"))
    for words in ("2027年度党建工作与业务工作考核情况", "统计截至2027年12月31日",
                  "一、组织生活开展情况", "二、学习教育和民主评议", "三、业务工作指标完成情况",
                  "支部党员大会", "参加民主评议的党员（名）", "群众满意度", "制表人"):
        assert words in said, words
    business = rows(folder / "scorecard.docx", 2)
    assert business[0] == ["岗位", "指标", "单位", "岗位人数", "已填报", "达到目标"]
    assert business[1] == ["社区网格员", "走访服务企业", "家次", "6", "6", "1"]
    book = openpyxl.load_workbook(folder / "scorecard.xlsx")
    assert book.sheetnames == ["组织生活", "学习教育和民主评议", "业务工作指标", "党员年度表现"]
    title = "城南街道社区服务中心党支部2027年度党建工作与业务工作考核情况"
    check_filed_sheets(book, title, "统计截至2027年12月31日", "城南街道社区服务中心党支部")
    sheet = book["党员年度表现"]
    header = [c.value for c in sheet[3]]
    assert len(header) == 11 and header[0] == "姓名" and header[-1] == "评定等次"
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    # every party member of the year, the one who left too
    assert [v[0] for v in values] == [NAMES[m] for m in [*DUE, "chenbo"]]
    assert values[-1][-1] == "已转出" and values[0][-1] == "优秀"
    counts = [[c.value for c in row] for row in book["业务工作指标"].iter_rows(min_row=4)]
    assert counts[0] == ["社区网格员", "走访服务企业", "家次", 6, 6, 1]      # numbers


def test_english_documents(en: tuple[Evaluation, Path]) -> None:
    _, folder = en
    names = dict(zip(IDS, WORDS["en"]["names"], strict=True))
    ballot = rows(folder / "ballot.docx")
    assert ballot[0][3:7] == ["Excellent", "Qualified", "Basically qualified", "Unqualified"]
    assert [r[1] for r in ballot[1:]] == [names[m] for m in DUE]
    register = "\n".join(texts(folder / "register" / "lina.docx"))
    for words in ("Member's evaluation record, 2027", "Pioneer desk (pledge: Every request "
                  "answered)", "2 Mar, Riverside Foods Ltd; asked: five sales staff; done: "
                  "sent to the job fair", "Satisfaction: 96% against a target of 90%, met",
                  "Enterprise visits: 3 visits against a target of 2 visits, met",
                  "excellent 1, qualified 4, basically qualified 0, unqualified 0 (5 votes)"):
        assert words in register, words
    summary = "\n".join(texts(folder / "summary.docx"))
    assert "5 of 6 party members present, more than half" in summary
    assert "Higher Party" in summary and "Riverside Service Team Party Branch (seal)" in summary
    table = rows(folder / "summary.docx", 1)
    assert table[3][1:] == [names["zhangqiang"], "full party member", "0/1/4/0",
                            "basically qualified", "to correct by a deadline"]
    book = openpyxl.load_workbook(folder / "scorecard.xlsx")
    assert book.sheetnames == ["Organisational life", "Study and evaluation",
                               "Business indicators", "Each member's year"]
    # nothing Chinese in an English branch's papers
    everything = [*(t for p in folder.rglob("*.docx") for t in texts(p)), *cell_texts(book)]
    assert not [t for t in everything if re.search(r"[\u4e00-\u9fff]", t)]


def test_the_same_evaluation_gives_the_same_bytes(zh: tuple[Evaluation, Path]) -> None:
    from studykit.render.docxtemplate import Templates
    from studykit.render.evaluation import evaluation_files

    ev, folder = zh
    files = evaluation_files(ev, Templates("zh-CN"))
    assert files == evaluation_files(ev, Templates("zh-CN"))
    assert files["evaluation/summary.docx"] == (folder / "summary.docx").read_bytes()


# --- the minutes of the assembly that held it ------------------------------------------

def test_the_minutes_of_the_evaluation_assembly_carry_the_evaluation(tmp_path: Path) -> None:
    path = write_branch(tmp_path / "b", "zh-CN")
    records = path.parent / "records"
    plans = studykit.year_plans(studykit.load(path), [2027])
    first = next(s for p in plans.values() for s in p.sessions
                 if s.kind == "branch-assembly" and not s.evaluation)
    (records / "first.yaml").write_text(
        f"session: {first.id}\ndate: {first.date.isoformat()}\n"
        "present: [wanghua, lina, zhangqiang, liumei, zhaoli, sunyu, chenbo]\n",
        encoding="utf-8")
    out = tmp_path / "out"
    # the evaluation record is beside the records given, not among them
    write_minutes_of(path, [records / "assembly.yaml", records / "first.yaml"], out)
    held = next(s for p in plans.values() for s in p.sessions if s.evaluation)
    # records of two quarters, into a folder with no plan: a folder for each quarter
    minutes = out / str(quarter_of(held.date)) / "sessions" / held.id / "minutes.docx"
    said = "\n".join(texts(minutes))
    assert "民主评议情况" in said
    assert "参评党员3名：优秀1名、合格1名、基本合格1名、不合格0名；优秀占33%。" in said
    table = rows(minutes, 0)
    assert table[0][3] == "民主测评票数" and table[1][3:7] == ["优秀", "合格", "基本合格", "不合格"]
    assert [r[1:] for r in table[2:]] == [
        ["王华", "正式党员", "4", "1", "0", "0", "优秀"],
        ["李娜", "正式党员", "1", "4", "0", "0", "合格"],
        ["张强", "正式党员", "0", "1", "4", "0", "基本合格"]]
    # the follow-up decided there, as an action item: owner and due date
    actions = rows(minutes, 1)
    assert actions[0] == ["序号", "任务", "责任人", "完成时限"]
    assert actions[1] == ["1", "张强同志限期改正（民主评议评定为基本合格）", "张强",
                          "2028年2月16日"]
    # another meeting's minutes are as they were
    other = "\n".join(texts(out / str(quarter_of(first.date)) / "sessions" / first.id
                             / "minutes.docx"))
    assert "民主评议" not in other and "测评" not in other


def test_a_follow_up_already_in_the_record_is_not_added_again(tmp_path: Path) -> None:
    path = write_branch(tmp_path / "b", "zh-CN")
    assembly = path.parent / "records" / "assembly.yaml"
    assembly.write_text(assembly.read_text(encoding="utf-8")
                        + "actions:\n  - {task: 张强同志三个月内改正, owner: zhangqiang, "
                          "due: 2028-01-31}\n", encoding="utf-8")
    out = tmp_path / "out"
    write_minutes_of(path, [assembly], out)
    minutes = next((out / "sessions").glob("*/minutes.docx"))
    actions = rows(minutes, 1)[1:]
    assert actions == [["1", "张强同志三个月内改正", "张强", "2028年1月31日"]]


def test_english_minutes_of_the_evaluation(tmp_path: Path) -> None:
    path = write_branch(tmp_path / "b", "en")
    out = tmp_path / "out"
    write_minutes_of(path, [path.parent / "records" / "assembly.yaml"], out)
    minutes = next((out / "sessions").glob("*/minutes.docx"))
    said = "\n".join(texts(minutes))
    assert "Evaluation of party members" in said
    assert "3 evaluated: excellent 1, qualified 1, basically qualified 1, unqualified 0" in said
    assert rows(minutes, 0)[3] == ["3", "Qiang Zhang", "excellent 0, qualified 1, basically "
                                   "qualified 4, unqualified 0 (5 votes)", "basically qualified"]


# --- the templates: copied, checked, and printed -----------------------------------------

@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_templates_check_renders_the_evaluation_templates(tmp_path: Path, locale: str) -> None:
    from test_docxtemplate import make_template

    from studykit.app.templatecheck import check_folder
    from studykit.render.resources import copy_templates

    copied = copy_templates(tmp_path, locale)
    assert {p.name for p in copied} >= {"evaluation-ballot.docx", "evaluation-register.docx",
                                        "evaluation-summary.docx", "evaluation-scorecard.docx"}
    assert check_folder(tmp_path, "en") == []
    # a misspelt variable in one of them is found and named
    (tmp_path / "evaluation-register.docx").write_bytes(make_template(["{{ member.nmae }}"]))
    problems = check_folder(tmp_path, "en")
    assert len(problems) == 1 and "evaluation-register.docx" in problems[0]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                    reason="LibreOffice or poppler-utils is not installed (make test installs "
                           "them when run as root)")
def test_libreoffice_prints_each_evaluation_document(zh: tuple[Evaluation, Path],
                                                     tmp_path: Path) -> None:
    _, folder = zh
    documents = {
        "ballot": (folder / "ballot.docx", 1, ["民主测评表", "孙宇", "测评人（可不署名）"]),
        "register": (folder / "register" / "lina.docx", 2,
                     ["党员民主评议登记表", "城南某物流公司", "支部书记签名"]),
        "summary": (folder / "summary.docx", 2, ["结果汇总表", "限期改正", "上级党委"]),
        "scorecard": (folder / "scorecard.docx", 1, ["考核情况", "群众满意度", "审核人"]),
        "sheets": (folder / "scorecard.xlsx", 4, ["党员年度表现", "党员先锋岗", "已转出"]),
    }
    for name, (source, _, _) in documents.items():
        shutil.copy(source, tmp_path / f"{name}{source.suffix}")
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / "tools" / "fonts.conf"),
           "HOME": str(tmp_path)}
    subprocess.run([str(SOFFICE), "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), *(str(tmp_path / f"{n}{s.suffix}")
                                     for n, (s, _, _) in documents.items())],
                   check=True, capture_output=True, env=env, timeout=300)
    for name, (_, pages, expected) in documents.items():
        pdf = tmp_path / f"{name}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        found = int(re.search(r"Pages:\s+(\d+)", info).group(1))      # type: ignore[union-attr]
        assert found == pages, (name, found)
        text = subprocess.run([str(PDFTOTEXT), "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        compact = re.sub(r"\s+", "", text)
        for words in expected:
            assert words in compact, (name, words)
        if name != "sheets":
            assert "—1—" in compact                                   # page numbers
    fonts = subprocess.run(["pdffonts", str(tmp_path / "summary.pdf")], capture_output=True,
                           text=True).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts          # 仿宋 and 黑体
