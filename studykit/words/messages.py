"""The messages studykit says to the user, in zh-CN and en: key → (Chinese, English).

Problems in input files, warnings, the planner's reasons and advice, the checker's
findings and everything the command line prints. Placeholders are filled by
:func:`studykit.words.text`; values quoted from the user's file are quoted by the
caller, so a message never translates what the user wrote.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- problems: the frame --------------------------------------------------------
    "problems": ("{count}处问题", "{count} problem(s)"),
    "problem.subject": ("（{name}）", " ({name})"),
    "found.nothing": ("空值", "nothing"),
    "found.mapping": ("一组“键: 值”", "a mapping"),
    "found.list": ("一个列表", "a list"),
    "kind.of.mapping": ("一组“键: 值”", "a mapping"),
    "kind.of.list": ("一个列表", "a list"),
    "kind.of.text": ("文字 {value}", "the text {value}"),
    "kind.of.long_text": ("一段文字", "text"),
    "kind.of.nothing": ("空值", "nothing"),
    "kind.of.number": ("数字 {value}", "the number {value}"),
    "kind.of.bool": ("{value}", "{value}"),
    # --- reading files ------------------------------------------------------------
    "file.missing": ("找不到这个文件", "no such file"),
    "file.folder": ("这是一个文件夹，这里需要一个 YAML 文件", "is a folder, expected a YAML file"),
    "file.not_regular": ("不是普通文件（是设备、管道或套接字），不能读取",
                         "is not a regular file (a device, pipe or socket)"),
    "file.too_big": ("文件超过 {most} MB，比 studykit 要读的任何文件都大得多，不会是这种文件",
                     "is larger than {most} MB, far more than any file studykit reads"),
    "file.denied": ("没有读取权限", "permission denied"),
    "file.unreadable": ("无法读取（{why}）", "cannot read: {why}"),
    "file.not_utf8": ("不是 UTF-8 编码的文字（字节 0x{byte}）；请用 UTF-8 编码保存文件"
                      "（记事本：另存为 → 编码 → UTF-8）",
                      "not UTF-8 text (byte 0x{byte}); save the file with UTF-8 encoding "
                      "(in Notepad: Save as → Encoding → UTF-8)"),
    "yaml.syntax": ("YAML 格式错误：{what}", "YAML syntax: {what}"),
    "yaml.tags": ("不能使用显式标签（!!…）；请直接写文字、数字或列表",
                  "explicit tags (!!…) are not allowed; write plain text, numbers or lists"),
    "yaml.unclosed_eof": ("这里的“{char}”一直没有闭合（直到文件末尾）",
                          "the '{char}' here is never closed (found the end of the file first)"),
    "yaml.unclosed": ("这里的“{char}”没有闭合（解析器原文：“{raw}”）",
                      "the '{char}' here is never closed ({raw})"),
    "yaml.indentation": ("缩进不对：这一行没有和上面的行对齐",
                         "wrong indentation: this line does not line up with the lines above it"),
    "yaml.tab": ("缩进里用了 Tab 键；请改用空格（解析器原文：“{raw}”）", "{raw}"),
    "yaml.two_documents": ("一个文件只能写一份内容，这里又开始了第二份（是否多了一行 ---？）",
                           "{raw}"),
    "yaml.cjk_colon": ("这里的冒号是中文冒号“：”；键和值之间要用英文冒号加一个空格，如 name: 宋雨",
                       "this colon is a full-width “：”; a key and its value take an ASCII "
                       "colon and a space, like name: Song Yu"),
    "yaml.cjk_comma": ("这里的逗号是中文逗号；方括号或花括号里的各项之间要用英文逗号“,”，如 {优秀: 9, 合格: 2}",
                       "this comma is a Chinese one; the items inside [...] or {...} are "
                       "separated by an ASCII ',', like {excellent: 9, qualified: 2}"),
    "yaml.other": ("不符合 YAML 写法（解析器原文：“{raw}”）", "{raw}"),
    "yaml.control": ("YAML 文字中不允许出现控制字符 #x{code}",
                     "control character #x{code} is not allowed in YAML text"),
    "yaml.too_long": ("这个数字超过{most}位，不会是要写的数；请检查是否多打了数字",
                      "a number of more than {most} digits cannot be meant; check for extra digits"),
    "yaml.too_big": ("展开别名（*名字）后，这一组内容超过{most}项，不会是课程文件；请检查 & 和 * 的用法",
                     "with its aliases (*name) expanded this holds more than {most} values, "
                     "more than any curriculum; check the & and * in it"),
    "yaml.too_deep": ("括号或缩进嵌套得太深，无法读取；请检查是否有没闭合的 [ 或 {",
                      "nested too deeply to read; look for an unclosed [ or {"),
    "yaml.duplicate": ("`{key}` 在同一组里写了两次；请只保留一个",
                       "`{key}` is given twice in the same mapping; keep one"),
    # --- the curriculum as a whole ------------------------------------------------
    "curriculum.empty": ("文件是空的；课程文件以 `studykit: 1` 开头",
                         "the file is empty; a curriculum starts with `studykit: 1`"),
    "curriculum.not_mapping": ("文件开头应是一组键（studykit、organization……），这里是{found}",
                               "expected a mapping of keys (studykit, organization, …) at the "
                               "top of the file, found {found}"),
    "curriculum.no_version": ("文件开头缺少 `studykit: 1`（格式版本）",
                              "missing `studykit: 1` (the format version) at the top of the file"),
    "version": ("不支持的格式版本 {found}；这个版本的 studykit 读取 `studykit: 1`",
                "unsupported format version {found}; this studykit reads `studykit: 1`"),
    # --- values -------------------------------------------------------------------
    "expected.text": ("这里应是文字，实际是{found}", "expected text, found {found}"),
    "expected.id": ("这里应是编号（小写字母、数字和 -，会用作文件名），实际是{found}",
                    "expected an id of lowercase letters, digits and '-' (it becomes a file "
                    "name), found {found}"),
    "expected.level": ("这里应是 0 到 5 的等级，实际是{found}",
                       "expected a level from 0 to 5, found {found}"),
    "expected.hours": ("这里应是学时数（0.25 到 24，即一刻钟到一整天），实际是{found}",
                       "expected a number of hours from 0.25 to 24 (a quarter of an hour to a day), found {found}"),
    "expected.yearly_hours": ("这里应是每年的学时数（大于 0，不超过 {most}），实际是{found}",
                              "expected a positive number of hours a year (at most {most}), "
                              "found {found}"),
    "expected.count": ("这里应是不小于 1 的整数，实际是{found}",
                       "expected a whole number of at least 1, found {found}"),
    "expected.date": ("这里应是日期，如 2027-01-14，实际是{found}",
                      "expected a date like 2027-01-14, found {found}"),
    "not_a_date": ("{found} 不是日历上的日期（{why}）",
                   "{found} is not a date in the calendar ({why})"),
    "why.day": ("这个月没有这一天", "day is out of range for month"),
    "why.month": ("月份应在 1 到 12 之间", "month must be in 1..12"),
    "why.year": ("年份超出范围", "year is out of range"),
    "expected.span": ("这里应是日期或日期范围，如 2027-02-06..2027-02-13，实际是{found}",
                      "expected a date or a range like 2027-02-06..2027-02-13, found {found}"),
    "span_backwards": ("日期范围 {found} 的结束早于开始",
                       "the range {found} ends before it starts"),
    "expected.time": ('这里应是时间，如 "15:00"，实际是{found}',
                      'expected a time like "15:00", found {found}'),
    "expected.before": ("这里应是提前多久提醒，如 1d（1天）、2h（2小时）、30m（30分钟），最多4周，实际是{found}",
                        "expected how long before to remind, like 1d, 2h or 30m (at most "
                        "four weeks), found {found}"),
    "expected.quarter": ("这里应是季度，如 2027Q1，实际是{found}",
                         "expected a quarter like 2027Q1, found {found}"),
    "expected.day_spec": ("这里应是每月的某一天（1–31）或“第几个星期几”，如 '1st fri'、"
                          "'last thu'，实际是{found}",
                          "expected a day of the month (1–31) or an ordinal weekday like "
                          "'1st fri' or 'last thu', found {found}"),
    "expected.frequency": ("这里应是 monthly、quarterly、yearly，或 {{every: month, on: 15}} / "
                           "{{every: month, on: 1st fri}}，实际是{found}",
                           "expected monthly, quarterly, yearly, or {{every: month, on: 15}} / "
                           "{{every: month, on: 1st fri}}, found {found}"),
    "expected.audience": ("这里应是 all、party、committee、gaps、{{roles: [...]}} 或 "
                          "{{members: [...]}}，实际是{found}",
                          "expected all, party, committee, gaps, {{roles: [...]}} or "
                          "{{members: [...]}}, found {found}"),
    "expected.weekday": ("这里应是星期（mon、tue、wed、thu、fri、sat、sun），实际是{found}",
                         "expected a weekday (mon, tue, wed, thu, fri, sat, sun), found {found}"),
    "expected.amount": ("这里应是一个数（0 或更多），实际是{found}",
                        "expected a number (0 or more), found {found}"),
    "expected.share": ("这里应是一个比例，如 1/3、0.3 或 30%（大于 0，不超过 1），实际是{found}",
                       "expected a share such as 1/3, 0.3 or 30% (more than 0, at most 1), "
                       "found {found}"),
    "expected.grade": ("这里应是 优秀、合格、基本合格 或 不合格（也可写 excellent、qualified、basic、"
                       "unqualified），实际是{found}",
                       "expected excellent, qualified, basic or unqualified, found {found}"),
    "expected.votes": ("这里应是票数（0 或更多的整数），实际是{found}",
                       "expected a whole number of votes (0 or more), found {found}"),
    "expected.action_ref": ("这里应写成“活动编号/序号”，如 committee-2027-01/2，实际是{found}",
                            "expected an action as <session id>/<number>, like "
                            "committee-2027-01/2, found {found}"),
    "expected.type": ("这里应是{what}，实际是{found}", "expected {what}, found {found}"),
    "expected.one_of": ("这里应是 {choices} 之一，实际是{found}",
                        "expected one of {choices}, found {found}"),
    "type.mapping": ("一组“键: 值”（每行一个）", "a mapping (key: value lines)"),
    "type.list": ("一个列表", "a list"),
    "type.text": ("文字", "text"),
    "type.int": ("整数", "a whole number"),
    "type.number": ("数字", "a number"),
    "type.bool": ("true 或 false", "true or false"),
    "choices.or": ("{head} 或 {last}", "{head} or {last}"),
    # --- keys ---------------------------------------------------------------------
    "key.unknown": ("未知的键 `{name}`", "unknown key `{name}`"),
    "key.unknown_close": ("未知的键 `{name}`；是不是 `{close}`？",
                          "unknown key `{name}`; did you mean `{close}`?"),
    "key.unknown_known": ("未知的键 `{name}`（这里可用的键：{known}）",
                          "unknown key `{name}` (known here: {known})"),
    "key.missing": ("缺少必填的键 `{name}`", "missing required key `{name}`"),
    "key.bad": ("键写得不对：{why}", "bad key: {why}"),
    "schema.other": ("{raw}", "{raw}"),
    # --- references ---------------------------------------------------------------
    "ref.unknown": ("未知的{what} '{name}'（{hint}）", "unknown {what} '{name}' ({hint})"),
    "ref.close": ("是不是 '{close}'？", "did you mean '{close}'?"),
    "ref.known": ("已有：{known}", "known: {known}"),
    "ref.none": ("还没有定义任何一个", "none are defined"),
    "what.competency": ("能力", "competency"),
    "what.role": ("岗位", "role"),
    "what.member": ("人员", "member"),
    "what.indicator": ("业务指标", "indicator"),
    "what.venue": ("场地", "venue"),
    "what.course": ("课程", "course"),
    "ref.speaker": ("未知的人员 '{name}'（{hint}）；外请主讲人请直接写要印在文件上的名字",
                    "unknown member '{name}' ({hint}); an outside speaker is written as the "
                    "name should be printed"),
    "ref.duplicate": ("{noun}编号 '{id}' 重复（{first} 已经用过）；编号不能重复",
                      "duplicate {noun} id '{id}' (first used by {first}); ids must be unique"),
    "noun.member": ("人员", "member"),
    "noun.course": ("课程", "course"),
    "ref.cjk_comma": ("方括号或花括号里的“{mark}”是中文标点，YAML 只认英文逗号“,”，"
                      "所以“{value}”被当成了一项；请改成英文逗号",
                      "'{mark}' inside [...] or {{...}} is Chinese punctuation, and YAML "
                      "separates only on ',', so '{value}' is read as one item; use ','"),
    "ref.second_secretary": ("一个支部只有一位书记，{first}已是书记", "a branch has one "
                             "secretary, and {first} already is"),
    "ref.group_not_party": ("只有党员（正式或预备）编入党小组，这里是 party: {party}",
                            "only party members (full or probationary) belong to a party "
                            "group, found party: {party}"),
    "ref.lonely_group": ("党小组“{group}”只有这一个人，名称又和另一个党小组几乎一样；是不是写错了？{hint}",
                         "the party group '{group}' has this member alone and nearly the name "
                         "of a larger group; a typo? {hint}"),
    "ref.committee_party": ("只有正式党员（party: full）才能担任支部委员，这里是 party: {party}",
                            "only full party members (party: full) can sit on the committee, "
                            "found party: {party}"),
    "what.group": ("党小组", "party group"),
    "ref.speaker_away": ("主讲人 '{name}' 在 {day} 不在本支部（joined / left）",
                         "the speaker '{name}' is not in the branch on {day} (joined / left)"),
    "dated.no_null": ("`{key}` 不能写成空值：变动里只有 committee 和 group 可以写 null（表示离开）",
                      "`{key}` cannot be null: only committee and group may be null in a change "
                      "(to leave)"),
    "ref.past_midnight": ("从 {start} 开始、{hours} 小时的活动会开到午夜以后；请提前开始时间或缩短学时",
                          "starting at {start}, {hours} hours run past midnight; start earlier "
                          "or make it shorter"),
    "ref.venue_and_location": ("课程不能同时有 venue 和 location：venue 是支部的场地，location 是外出活动的地点",
                               "a course cannot have both venue and location: venue is one "
                               "of the branch's rooms, location an off-site place"),
    "ref.once_a_year": ("{kind}每年召开一次：请写 yearly，或 {{every: year, quarter: 4}}",
                        "{kind}: held once a year; write yearly, or {{every: year, quarter: 4}}"),
    "ref.quarter_yearly": ("只有每年召开一次的会议才能写 quarter（请写 every: year）",
                           "only a yearly meeting can have a quarter (write every: year)"),
    "ref.pioneer_party": ("'{name}' 不是党员（正式党员或预备党员），不能设党员先锋岗",
                          "'{name}' is not a party member (full or probationary): a pioneer "
                          "post is held by a party member"),
    "ref.themes_monthly": ("只有每月召开的会议才能按月写 themes（请写 every: month）",
                           "only a monthly meeting can have themes by month (write every: month)"),
    "ref.date_and_quarters": ("课程不能同时有 date 和 quarters：固定日期的课程只在那一天举办",
                              "a course has either a date or quarters, not both: a dated course "
                              "is held on that day only"),
    "dated.left_before_joined": ("离开日期 {left} 早于加入日期 {joined}",
                                 "left on {left}, before joining on {joined}"),
    "dated.out_of_order": ("变动要按日期先后写：{day} 写在了 {before} 之后",
                           "changes go oldest first: {day} comes after {before}"),
    "dated.before_joined": ("变动日期 {day} 早于加入本支部的日期 {joined}",
                            "a change on {day}, before joining on {joined}"),
    "dated.after_left": ("变动日期 {day} 晚于离开本支部的日期 {left}",
                         "a change on {day}, after leaving on {left}"),
    "ref.templates": ("课程文件旁边没有文件夹 '{folder}'（Word 模板文件夹，相对于课程文件）",
                      "no folder '{folder}' beside this file (a folder of Word templates, "
                      "relative to the curriculum)"),
    "curriculum.with_course": ("课程 '{course}' 改动后有问题", "course '{course}' after the change"),
    # --- the curriculum in words ----------------------------------------------------
    "summary.curriculum": ("{org}：{members}人，{roles}个岗位，{competencies}项能力，{courses}门课程",
                           "{org}: {members} members, {roles} roles, {competencies} "
                           "competencies, {courses} courses"),
    "unplaced.line": ("{id}（{title}）：{rule}；{advice}", "{id} ({title}): {rule}; {advice}"),
    # --- holidays -----------------------------------------------------------------
    "note.holidays_given": ("{year}年的法定节假日取自课程文件的 calendar.holidays / calendar.workdays"
                            "（内置数据尚未收录{year}年）。",
                            "Holidays of {year} come from the curriculum's calendar.holidays and "
                            "calendar.workdays (the built-in data does not cover {year} yet)."),
    "note.moved": ("“{title}”按规定应在{wanted}召开，该日{why}，改在{to}召开",
                   "“{title}”: the day the rule gives, {wanted}, {why}; it moves to {to}"),
    "moved.holiday": ("是法定节假日", "is a public holiday"),
    "moved.weekend": ("是周末，而 calendar.weekdays 中没有这一天",
                      "is a weekend day not among calendar.weekdays"),
    "note.quarter_unknown": ("注意：{quarter}的法定节假日和调休安排还不知道（内置数据没有{year}年，课程文件也没有写"
                             "这个季度的放假日期），这个季度只避开了周末。请按国务院公布的安排写进课程文件的 "
                             "calendar.holidays 和 calendar.workdays；已经写全一年的，在 calendar.complete 中写上"
                             "这一年。",
                             "Note: the holidays and make-up working days of {quarter} are not known "
                             "(the built-in data does not have {year}, and the curriculum gives no "
                             "day off in that quarter); it avoids weekends only. Add the State "
                             "Council's schedule to calendar.holidays and calendar.workdays; once "
                             "a year is given in full, list it in calendar.complete."),
    "expected.quarter_number": ("这里应是季度 1、2、3 或 4，实际是{found}",
                                "expected a quarter 1, 2, 3 or 4, found {found}"),
    "expected.month_number": ("这里应是月份 1 到 12，实际是{found}",
                              "expected a month from 1 to 12, found {found}"),
    "expected.date_year": ("{found} 的年份应在 {first} 到 {last} 之间",
                           "{found}: the year should be from {first} to {last}"),
    "expected.day_count": ("这里应是 1 到 366 之间的天数，实际是{found}",
                           "expected a number of days from 1 to 366, found {found}"),
    "expected.year": ("这里应是 1900 到 2199 之间的年份，实际是{found}",
                      "expected a year from 1900 to 2199, found {found}"),
    # --- the planner: what could not be placed, and what to change -------------------
    "day.with_weekday": ("{day}（{weekday}）", "{day} ({weekday})"),
    "unplaced.nobody": ("没有人参加：{who}", "nobody to attend: {who}"),
    "nobody.committee": ("没有人员设置了支委职务（committee）", "no member has a `committee` post"),
    "nobody.group": ("这个党小组没有成员", "the group has no members"),
    "nobody.audience": ("参加范围内没有人", "nobody is in its audience"),
    "advice.nobody": ("为人员设置相应的职务，或从 {source} 中删去它",
                      "give members the posts it needs, or remove it from {source}"),
    "venue.its": ("它指定的场地", "its venue"),
    "venue.largest": ("最大的场地", "the largest venue"),
    "unplaced.too_big": ("有{n}人参加，但{which}（{venue}）只有{seats}个座位",
                         "{n} attend, but {which} ({venue}) seats {seats}"),
    "advice.too_big": ("在 organization.venues 中增加更大的场地，或在 {source} 中为会议单独指定 "
                       "`venue`", "add a larger venue to organization.venues, or give the "
                                  "meeting its own `venue` in {source}"),
    "unplaced.past_quarter": ("它的固定日期顺延到了{quarter}之后",
                              "its fixed day moves past the end of {quarter}"),
    "advice.earlier_day": ("把 `{source}.on` 改到更早的一天",
                           "change `{source}.on` to an earlier day"),
    "unplaced.pinned_off": ("指定的日期{day}是法定节假日",
                            "pinned to {day}, a public holiday"),
    "unplaced.falls_off": ("固定日期{day}不是工作日", "falls on {day}, which is not a working day"),
    "advice.pinned_off": ("把 `{source}.date` 改到不是法定节假日的一天",
                          "move `{source}.date` to a day that is not a public holiday"),
    "advice.falls_off": ("修改 `{source}.on`，或在 calendar.workdays 中补上调休上班日",
                         "change `{source}.on`, or add a make-up day to calendar.workdays"),
    "unplaced.no_days": ("这段时间里没有允许安排活动的工作日",
                         "there is no allowed working day in its period"),
    "advice.weekdays": ("在 calendar.weekdays 中允许更多的星期几", "allow more calendar.weekdays"),
    "unplaced.fixed_day": ("固定日期{day}不行：{why}", "on its fixed day {day}: {why}"),
    "unplaced.no_day": ("{first}至{last}之间没有一天可行：{detail}",
                        "no day in {first}..{last} works: {detail}"),
    "why.on_day": ("{why}（1天）", "{why} on 1 day"),
    "why.on_days": ("{why}（{n}天）", "{why} on {n} days"),
    "why.speaker-unavailable": ("主讲人{speaker}不能到场", "the speaker {speaker} is unavailable"),
    "why.busy": ("参加人员或主讲人那时已有别的活动",
                 "someone in the audience, or the speaker, is already in another session at "
                 "that time"),
    "why.venue": ("能容纳的场地那时都已占用", "every venue that fits is taken at that time"),
    "why.week-limit": ("部分参加人员那一周已有 calendar.max-per-week（{limit}）次学习活动",
                       "some of the audience already have calendar.max-per-week ({limit}) "
                       "study sessions that week"),
    "why.audience-unavailable": ("参加人员那天不能到场", "someone in the audience is unavailable"),
    "advice.speaker-unavailable": ("为 `{source}` 另选主讲人，或修改主讲人的 `unavailable` 日期",
                                   "choose another speaker for `{source}` or change their "
                                   "`unavailable` dates"),
    "advice.busy": ("在 calendar.weekdays 中允许更多的星期几，或用 `date` 固定日期",
                    "allow more calendar.weekdays, or pin the session with `date`"),
    "advice.venue": ("在 organization.venues 中增加场地，或在 calendar.weekdays 中允许更多的星期几",
                     "add a venue to organization.venues or allow more calendar.weekdays"),
    "advice.week-limit": ("调高 calendar.max-per-week、允许更多的 calendar.weekdays，"
                          "或把课程移到别的季度",
                          "raise calendar.max-per-week, allow more calendar.weekdays, or move "
                          "a course to another quarter"),
    "advice.audience-unavailable": ("修改相关人员的 `unavailable` 日期",
                                    "change the members' `unavailable` dates"),
    "plan.which_quarter": ("计划哪个季度？请加上 --quarter 2027Q1，或在 {source} 中设置 "
                           "calendar.quarter",
                           "which quarter? give --quarter 2027Q1, or set calendar.quarter in "
                           "{source}"),
    # --- records --------------------------------------------------------------------
    "record.no_session": ("本季度的计划中没有活动 '{id}'（{hint}）",
                          "no session '{id}' in the plan of this quarter ({hint})"),
    "record.makeup_before": ("补学日期 {day} 早于缺席的活动（{held}）",
                             "make-up study on {day}, before the session it makes up ({held})"),
    "record.done_itself": ("'{ref}' 是本次会议自己定下的事项，不能在同一份记录里写完成；请在以后的记录中写",
                           "'{ref}' was decided in this very record; mark it done in a later one"),
    "record.done_nothing": ("'{ref}' 指向的事项不存在（该活动的记录里没有这一条）",
                            "'{ref}' names no action: that session's record has no such item"),
    "record.no_planned_session": ("计划中没有活动 '{id}'（{hint}）",
                                  "no session '{id}' in the plans ({hint})"),
    "record.not_in_branch": ("'{id}' 在 {day} 不在本支部（见课程文件中的 joined / left）",
                             "'{id}' is not in the branch on {day} (see joined / left in the "
                             "curriculum)"),
    "record.end_not_after_start": ("结束时间 {end} 不晚于开始时间 {start}；一次活动不能跨过午夜",
                                   "the end {end} is not after the start {start}; a session "
                                   "cannot run past midnight"),
    "record.makeup_not_missed": ("'{id}' 参加了 {session}（{held}），没有缺席，不需要补学；"
                                 "请核对补学人员或活动",
                                 "'{id}' attended {session} ({held}) and missed nothing to "
                                 "make up; check the member or the session"),
    "record.not_in_year": ("'{id}' {year}年不在本支部（见课程文件中的 joined / left）",
                           "'{id}' is not in the branch in {year} (see joined / left in the "
                           "curriculum)"),
    "evaluation.no_record": ("还没有{year}年度民主评议党员的记录：这是评议前的情况，评议后把测评票数和"
                             "评定等次记入民主评议记录",
                             "there is no record of the {year} evaluation yet: this is the "
                             "evidence before it; record the ballots and grades afterwards"),
    "evaluation.no_record_other": ("还没有{year}年度民主评议党员的记录；记录文件夹里的民主评议记录写的是"
                                   "{others}年度，请核对年度",
                                   "there is no record of the {year} evaluation; the evaluation "
                                   "records in the folder are of {others}: check the year"),
    "evaluation.meeting_record_problems": ("“{title}”还没有能统计的会议记录：活动记录中有与课程文件或计划"
                                           "不一致的地方，改正后再核对到会党员是否过半",
                                           "'{title}' has no record that could be counted: "
                                           "session records disagree with the curriculum or "
                                           "the plan; correct them, then the quorum is checked"),
    "evaluation.no_session": ("记录没有写明民主评议在哪次支部党员大会上进行，无法核对到会人数",
                              "the record does not say at which branch assembly the "
                              "evaluation was held, so its quorum cannot be checked"),
    "evaluation.not_assembly": ("民主评议应在支部党员大会上进行，“{title}”不是支部党员大会",
                                "the evaluation is held at a branch assembly; '{title}' is not "
                                "one"),
    "evaluation.no_meeting_record": ("“{title}”还没有会议记录，无法核对到会党员是否过半",
                                     "'{title}' has no record yet, so its quorum cannot be "
                                     "checked"),
    "evaluation.no_quorum": ("“{title}”有表决权的党员应到{entitled}名、实到{present}名，未超过半数，"
                             "评定的等次不能成立，应另行召开党员大会",
                             "'{title}': {present} of the {entitled} members entitled to vote "
                             "were there, not more than half; the grades cannot stand and the "
                             "assembly must meet again"),
    "evaluation.missing": ("{name}同志评议时在本支部，但没有评定等次",
                           "{name} was in the branch at the evaluation but has no grade"),
    "evaluation.not_due": ("{name}同志评议时已不在本支部，不在本支部评定等次",
                           "{name} had left the branch by the evaluation and is not graded here"),
    "evaluation.no_ballot": ("{name}同志评定了等次，但没有民主测评的票数",
                             "{name} has a grade but no ballot tally"),
    "evaluation.ballots_exceed": ("{name}同志的测评票共{total}张，多于到会党员{there}名",
                                  "{name}: {total} ballots, more than the {there} party members "
                                  "there"),
    "evaluation.against_ballot": ("{name}同志评为{grade}，但民主测评中“{majority}”得票过半"
                                  "（{votes}/{total}），请党员大会说明理由",
                                  "{name} was graded {grade}, but most ballots ({votes} of "
                                  "{total}) said {majority}: the assembly should say why"),
    "evaluation.excellent_floor": ("{name}同志评为优秀，但全年学习{hours:g}学时，未达到{floor:g}学时",
                                   "{name} was graded excellent but studied {hours:g} of the "
                                   "{floor:g} hours required"),
    "evaluation.excellent_absent": ("{name}同志评为优秀，但有{n}次无故缺席组织生活",
                                    "{name} was graded excellent but was absent without leave "
                                    "{n} time(s)"),
    "evaluation.excellent_share": ("评为优秀的有{n}名，超过参评党员{evaluated}名的{limit}"
                                   "（最多{most}名）",
                                   "{n} graded excellent, more than {limit} of the {evaluated} "
                                   "evaluated (at most {most})"),
    "evaluation.followup_basic": ("{name}同志评为基本合格，应限期改正（{due}前）：评议会议的记录"
                                  "中还没有这项整改事项，已列入待办",
                                  "{name} was graded basically qualified and must put things "
                                  "right by {due}: not yet an action in the meeting's record, "
                                  "listed as one"),
    "evaluation.followup_unqualified": ("{name}同志评为不合格，应按规定组织处置（{due}前）：评议"
                                        "会议的记录中还没有这项事项，已列入待办",
                                        "{name} was graded unqualified and is to be dealt with "
                                        "as the rules require by {due}: not yet an action in "
                                        "the meeting's record, listed as one"),
    "evaluation.task_basic": ("{name}同志限期改正（民主评议评定为基本合格）",
                              "{name} to put things right (graded basically qualified)"),
    "evaluation.task_unqualified": ("对{name}同志进行组织处置：限期改正，经教育仍无转变的劝其退党或除名"
                                    "（民主评议评定为不合格）",
                                    "{name} to be dealt with: a deadline to correct, then "
                                    "persuasion to leave or expulsion if nothing changes "
                                    "(graded unqualified)"),
    "evaluation.not_party": ("'{id}' 不是党员：民主评议只评议正式党员和预备党员",
                             "'{id}' is not a party member: only full and probationary members "
                             "are evaluated"),
    "evaluation.two_sessions": ("{year}年度的民主评议在 {first} 中写的是在 '{session}' 上进行；同一年度的"
                                "评议在同一次支部党员大会上进行，几个文件要写同一个 session",
                                "{first} says the {year} evaluation was held at '{session}'; one "
                                "year's evaluation is held at one branch assembly, so every "
                                "file of it names the same session"),
    "evaluation.graded_twice": ("'{id}' 已在 {first} 中评定了等次；每名党员每年只评议一次",
                                "'{id}' already has a grade in {first}; a member is evaluated "
                                "once a year"),
    "results.twice": ("'{id}' 的“{indicator}”已在 {first} 中填写；同一项结果只填一次",
                      "'{id}': '{indicator}' is already given in {first}; a result is "
                      "entered once"),
    "results.also_logged": ("'{id}' 的“{indicator}”已由走访记录逐次计入，这里不要再填（只报一次）",
                            "'{id}': '{indicator}' is counted from the visit log already; do "
                            "not enter it here too"),
    "record.second": ("活动 '{id}' 已经有一份记录（{first}）；一次活动只能有一份记录，这份不计入，"
                      "也不据它写会议记录。请删去其中一份，或改正这份的 session",
                      "session '{id}' already has a record ({first}); a session has one "
                      "record, so this one is neither counted nor made into minutes. "
                      "Delete one of them, or correct this one's session"),
    "record.draft": ("这还是按计划写出的草稿：按实际情况填好出勤和内容后，删去 draft: true 这一行，"
                     "才算开过这次活动",
                     "this is still a draft from the plan: fill in who came and what happened, "
                     "then delete the line draft: true; until then it counts as no session "
                     "held"),
    "record.twice": ("'{id}' 写了两次", "'{id}' is listed twice"),
    "record.both": ("'{id}' 同时写在了 `{first}` 和 `{then}` 里", "'{id}' is both {first} and {then}"),
    "record.too_many_votes": ("共{total}票（赞成{votes_for}、反对{against}、弃权{abstain}），"
                              "但到会的有表决权的人只有{there}人",
                              "{total} votes (for {votes_for}, against {against}, abstain "
                              "{abstain}) but only {there} members entitled to vote were there"),
    "record.unlisted": ("应参加这次活动的人员没有写在出席、迟到或缺席中：{ids}",
                        "members expected at this session are not listed as present, late or "
                        "absent: {ids}"),
    "record.empty": ("文件是空的；活动记录以 `session: <活动编号>` 开头",
                     "the file is empty; a session record starts with `session: <session id>`"),
    "record.not_mapping": ("文件开头应是一组键（session、date、present……）",
                           "expected a mapping of keys (session, date, present, …) at the top "
                           "of the file"),
    "record.is_curriculum": ("这是课程文件，不是活动记录；请把活动记录放在单独的文件夹里",
                             "this is a curriculum, not a session record; keep the records in "
                             "a folder of their own"),
    "ledger.no_records": ("没有找到活动记录；请给出年份，或提供带日期的活动记录",
                          "no session records found; give the year, or records with dates"),
    "ledger.quarter_not_in_year": ("{quarter}不在{year}年内", "the quarter {quarter} is not in the year {year}"),


    # --- the checker ------------------------------------------------------------------
    "finding.error": ("错误：{where}{message} [{rule}]", "error: {where}{message} [{rule}]"),
    "finding.warning": ("提示：{where}{message} [{rule}]", "warning: {where}{message} [{rule}]"),
    "check.unique_id": ("两项活动用了同一个编号", "two sessions have this id"),
    "check.outside_quarter": ("{day} 不在 {quarter} 内", "{day} is outside {quarter}"),
    "check.not_workday": ("{day} 是法定节假日", "{day} is a public holiday"),
    "check.weekday": ("{day} 是 {weekday}，不在 calendar.weekdays 之中",
                      "{day} is a {weekday}, not one of calendar.weekdays"),
    "check.time": ("结束时间（{end}）早于开始时间（{start}）", "ends ({end}) before it starts ({start})"),
    "check.not_member": ("参加人员 '{id}' 不是本支部人员", "attendee '{id}' is not a member"),
    "check.not_in_branch": ("{name}在 {day} 不在本支部", "{name} is not in the branch on {day}"),
    "check.unavailable": ("{name}在 {day} 不能参加", "{name} is unavailable on {day}"),
    "check.speaker_unavailable": ("主讲人{name}在 {day} 不能到场",
                                  "the speaker {name} is unavailable on {day}"),
    "check.venue": ("未知的场地 '{venue}'", "unknown venue '{venue}'"),
    "check.capacity": ("{venue}只有{seats}个座位，却安排了{n}人",
                       "{n} attendees in {venue}, which seats {seats}"),
    "check.double_booked": ("{who} 同一时间还在 {other}", "{who} also in {other} at the same time"),
    "check.venue_taken": ("{venue}同一时间还被 {other} 使用",
                          "{venue} is also used by {other} at the same time"),
    "check.week_load": ("{id} 在{year}年第{week}周有{n}次学习活动（{ids}），上限是{limit}次",
                        "{id} has {n} study sessions in week {week} of {year} ({ids}); the "
                        "limit is {limit}"),
    "check.course": ("未知的课程 '{id}'", "unknown course '{id}'"),
    "check.two_classes": ("有人员被分在了两个班", "a member is in two classes"),
    "check.audience": ("参加人员与需求分析不一致：缺少 [{missing}]，多出 [{extra}]",
                       "audience differs from the needs analysis: missing [{missing}], not "
                       "expected [{extra}]"),
    "check.advice_meeting": ("；请在 meetings 中加上 `{kind}`，或修改 rules.minima",
                             "; add `{kind}` to meetings, or change rules.minima"),
    "check.advice_course": ("；请增加一门 kind 为 {kind} 的课程，或修改 rules.minima",
                            "; add a course of kind {kind}, or change rules.minima"),
    "check.advice_elsewhere": ("；课程文件中这类课程都安排在其他季度，请再增加一门 kind 为 {kind} 的课程，"
                               "或用 quarters 让它每季度举办",
                               "; every course of kind {kind} is held in another quarter: add "
                               "one, or give it quarters to hold it every quarter"),
    "check.advice_none": ("", ""),
    "check.minimum_group": ("{period}没有召开{group}的党小组会（rules.minima.group: {every}）{advice}",
                            "no party-group meeting of {group} in {period} (rules.minima.group: "
                            "{every}){advice}"),
    "period.month": ("{year}年{month}月", "{year}-{month:02d}"),
    "period.quarter": ("{title}", "{quarter}"),
    "check.minimum": ("{period}没有安排{kind}（rules.minima.{key}: {every}）{advice}",
                      "no {key} in {period} (rules.minima.{key}: {every}){advice}"),
    "check.no_group": ("{name}是党员，但不在任何党小组（members[].group），不会为其安排党小组会",
                       "{name} is a party member in no party group (members[].group): no group "
                       "meeting is planned for them"),
    "check.hours": ("{name}：本季度计划学时{hours}，低于完成全年{floor}学时（{key}）应有的进度{pace}",
                    "{name}: {hours} study hours planned this quarter, behind the pace of {pace} "
                    "for the yearly floor of {floor} ({key})"),

    # --- templates --------------------------------------------------------------------
    "template.problem": ("{template}：{what}", "{template}: {what}"),
    "template.jinja": ("模板出错（“{raw}”）", "{raw}"),
    "template.failed": ("模板里的表达式算不出来（“{raw}”）", "{raw}"),
    "template.undefined_in": ("{tag} 里用到的变量不存在（“{raw}”）；可用的变量：{known}",
                              "{raw} in {tag}; the variables are: {known}"),
    "template.undefined": ("用到的变量不存在（“{raw}”）；可用的变量：{known}",
                           "{raw}; the variables are: {known}"),
    "template.not_docx": ("不是 Word 文档（.docx）（“{raw}”）", "not a Word document (.docx): {raw}"),
    "template.damaged": ("{part} 已损坏（“{raw}”）", "{part} is damaged: {raw}"),
    "template.bad_xml": ("{part} 不是有效的 XML（“{raw}”）", "{part} is not valid XML: {raw}"),
    "template.unclosed": ("{tag}：这个标签没有用 {close} 结束", "{tag}: this tag is not closed with {close}"),
    "template.syntax_in": ("{tag}：模板语法错误（“{raw}”）", "{tag}: {raw}"),
    "template.syntax": ("模板语法错误（“{raw}”）", "{raw}"),
    "template.bad_entry": ("包里有一个不安全的条目名 {entry}（只能是包内的相对路径）",
                           "the package holds an unsafe entry name {entry} (only relative paths "
                           "inside the package are allowed)"),
    "template.duplicate_entry": ("包里的条目 {entry} 出现了两次", "the package holds {entry} twice"),
    "template.missing_part": ("缺少 {part}，Word 打不开这样的文档",
                              "{part} is missing; Word cannot open such a document"),
    "template.unpacks_too_big": ("解压后超过 {mb} MB（或压缩比高得不正常），不像是 Word 模板",
                                 "it unpacks to more than {mb} MB (or packs implausibly "
                                 "tight); that is not a Word template"),
    "template.block_across": ("{tag} 与它配对的标签不在同一段文字里（或一个在段落、一个在表格里）；"
                              "这样生成的文档打不开。请把配对的标签放进同一个文字段，或都用 {{%p … %}} 单独成段",
                              "{tag} and the tag it pairs with are in different stretches of "
                              "text (or one in a paragraph, one in a table); the document it "
                              "makes would not open. Put both in the same run of text, or "
                              "each in a paragraph of its own as {{%p … %}}"),
    "template.limit_range": ("range() 要生成{n}个数，模板里最多{most}个", "range() of {n} numbers; templates allow at most {most}"),
    "template.limit_power": ("乘方的结果太大（模板里最多{most}位二进制）", "a power too large (templates allow at most {most} bits)"),
    "template.limit_length": ("生成的文字或列表太长（模板里一次最多{most}个）", "a text or list too long (templates allow at most {most} items at once)"),
    "template.limit_output": ("生成的文档超过 {mb:g} MB，已停止", "the document grew past {mb:g} MB and was stopped"),
    "template.limit_time": ("生成一份文档超过{seconds:g}秒，已停止；请检查模板里的循环", "one document took more than {seconds:g} s and was stopped; look at the template's loops"),
    "template.limit_memory": ("生成一份文档要用超过 {mb} MB 内存，已停止", "one document needed more than {mb} MB of memory and was stopped"),
    "template.no_folder": ("模板文件夹 {folder} 不存在", "template folder {folder} does not exist"),
    "template.unreadable": ("无法读取模板（“{raw}”）", "cannot read the template: {raw}"),

    # --- writing files ----------------------------------------------------------------
    "output.cannot_write": ("无法写入 {path}（{why}）", "cannot write {path}: {why}"),
    "output.damaged": ("studykit 在输出文件夹里的记账文件 {path} 已损坏；请删除它后重新运行"
                       "（重新运行时所有已有文件都要核对，手工改过的会被提示）",
                       "studykit's own file {path} is damaged; delete it and run again (every "
                       "existing file is then checked, and hand-edited ones are named)"),
    "output.folder_in_way": ("{path} 是一个文件夹，但这里要写一个文件；请移走或改名后重新运行",
                             "{path} is a folder where a file is to be written; move or "
                             "rename it and run again"),
    "output.why.denied": ("没有写入权限", "permission denied"),
    "output.why.read_only": ("这是只读的磁盘", "the disk is read-only"),
    "output.why.full": ("磁盘已满", "the disk is full"),
    "output.why.long_name": ("文件名太长", "the file name is too long"),
    "output.why.not_folder": ("路径中有一个文件挡在文件夹的位置上",
                              "a file stands where the path needs a folder"),
    "output.why.folder": ("这里是一个文件夹", "a folder is in the way"),
    "output.force_and_beside": ("--force（覆盖）和 --beside（写在旁边）不能同时使用；请只选一个",
                                "--force (overwrite) and --beside (write next to it) contradict "
                                "each other; choose one"),
    "output.unfinished_above": ("上级文件夹 {path} 中有一次中断的写入还没有完成；请先对 {path} "
                                "重新运行一次，再写入这里",
                                "a run into the folder above, {path}, was interrupted and is "
                                "not finished; run it into {path} again first, then here"),
    "output.special_in_way": ("{path} 不是普通文件（是管道、套接字或设备），这里要写一个文件；请移走它",
                              "{path} is not a regular file (a pipe, socket or device) where "
                              "a file is to be written; move it away"),
    "output.link_in_way": ("{path} 是一个符号链接；studykit 不会透过链接写入，请移走它后重新运行",
                           "{path} is a symbolic link; studykit does not write through links, "
                           "so move it away and run again"),
    "output.journal_damaged": ("上次写入被中断，留下的日志 {path} 已损坏，无法判断哪些文件是新写的；"
                               "请检查这个文件夹，删除该日志后重新运行",
                               "a run was interrupted and the journal it left, {path}, is "
                               "damaged, so which files are new cannot be told; look through "
                               "the folder, delete the journal and run again"),
    "output.is_file": ("{path} 是一个文件；请给出用于输出的文件夹",
                       "{path} is a file; give a folder for the output"),
    "output.locked": ("另一个 studykit 正在向 {path} 写入；请等它结束后再运行",
                      "another studykit run is writing into {path} right now; wait for it to "
                      "finish, then run again"),
    "output.outside": ("拒绝写到输出文件夹 {root} 之外：{path}",
                       "refusing to write outside the output folder {root}: {path}"),
    "output.changed": ("有{n}个文件在 studykit 写出之后被手工改过，所以这次什么都没有写：\n  {names}\n"
                       "用 --force 覆盖它们，或用 --beside 把新版本写在旁边（name.new.docx）",
                       "{n} file(s) were changed since studykit wrote them, so nothing was "
                       "written:\n  {names}\nuse --force to overwrite them, or --beside to write "
                       "the new versions next to them (as name.new.docx)"),
    "output.basis_changed": ("下面这些已经写好的记录是按当天的人员情况写的，课程文件改动后重写会改变内容，"
                             "所以这次什么都没有写：\n  {details}\n如果这些是会后才有的变动，请在课程文件中"
                             "该人员下用 changes 写明日期（例如 changes: [{{date: 2027-03-01, party: full}}]），"
                             "已写好的记录就不会变；确实要按现在的情况重写，请加 --force",
                             "these documents were written as the branch stood on the day, and the "
                             "changed curriculum would rewrite them, so nothing was written:\n  "
                             "{details}\nif these changes came later, give them a date under the "
                             "member (e.g. changes: [{{date: 2027-03-01, party: full}}]) and the "
                             "filed documents stay as they are; --force rewrites them as things "
                             "stand now"),
    "basis.line": ("{path}：{name}现在是{now}，{day}开会时是{then}",
                   "{path}: {name} is now {now}; at the meeting of {day} they were {then}"),
    "basis.presence": ("{path}：{name}是否在本支部与{day}开会时不同",
                       "{path}: whether {name} is in the branch differs from the meeting of {day}"),
    "output.exists": ("{path} 已经存在；用 --force 覆盖", "{path} exists; use --force to overwrite it"),

    # --- the command line ----------------------------------------------------------------
    "cli.ok": ("{path}：通过 — {members}人，{roles}个岗位，{competencies}项能力，{courses}门课程",
               "{path}: ok — {members} members, {roles} roles, {competencies} competencies, "
               "{courses} courses"),
    "cli.more_problems": ("……另有{n}处问题没有列出：先改正上面这些，再运行一次",
                          "… and {n} more problem(s) not shown: correct these first, then run "
                          "again"),
    "cli.count": ("{files}个文件中共有{n}处问题", "{n} problem(s) in {files} file(s)"),
    "cli.no_curricula": ("{where} 中没有课程文件（*.yaml）", "no curriculum files (*.yaml) in {where}"),
    "cli.no_records_folder": ("{folder}：没有这个活动记录文件夹",
                              "{folder}: no such folder of session records"),
    "cli.wrote": ("已在 {out} 中写入{n}个文件{unchanged}", "wrote {n} file(s) in {out}{unchanged}"),
    "cli.unchanged": ("，{n}个没有变化", ", {n} unchanged"),
    "cli.beside": ("这个文件手工改过，新版本写在它旁边：{path}",
                   "changed by hand, new version beside it: {path}"),
    "cli.warning": ("提示：{message}", "warning: {message}"),
    "cli.kept": ("已经在填写的活动登记簿保留原样，没有重写：{path}（计划如有变动，如改了日期、"
                 "增加了人员，请在表中相应地改）",
                 "the record workbook being filled in is kept as it is: {path} (where the "
                 "plan changed, a day or a member added, change the sheets to match)"),
    "cli.plan_failed": ("studykit：{total}项活动中有{n}项无法安排，{errors}条规则未满足{nothing}",
                        "studykit: {n} of {total} sessions could not be placed, {errors} rule(s) "
                        "broken{nothing}"),
    "cli.nothing_written": ("；什么都没有写（加 --partial 可以写出其余部分）",
                            "; nothing was written (--partial writes the rest)"),
    "cli.year_or_quarter": ("--year 和 --quarter 只能给一个", "give --year or --quarter, not both"),
    "cli.year_district": ("整年计划（--year）一次只能安排一个支部；区县请按季度安排（--quarter）",
                          "a year's plan (--year) is for one branch at a time; plan a district "
                          "by quarter (--quarter)"),
    "cli.district_needs_out": ("安排多个支部需要 --out 文件夹（每个支部在其中有自己的文件夹）",
                               "planning several branches needs --out DIR (each branch gets a "
                               "folder of its own in it)"),
    "cli.branch_ok": ("{source}：完成 — {message}，写入{n}个文件",
                      "{source}: ok — {message}, {n} file(s) written"),
    "cli.branch_failed": ("{source}：失败", "{source}: FAILED"),
    "cli.district_summary": ("共{n}个支部：{ok}个已安排并写出，{failed}个失败",
                             "{n} branches: {ok} planned and written, {failed} failed"),
    "cli.makeup_only": ("{source}：只有补学记录，没有会议记录要写",
                        "{source}: make-up study only, no minutes to write"),
    "cli.assessment_only": ("{source}：能力测评记录，没有会议记录要写",
                            "{source}: an assessment of levels, no minutes to write"),
    "cli.year_record": ("{source}：{kind}，没有会议记录要写", "{source}: {kind}, no minutes to write"),
    "kind.evaluation_record": ("民主评议记录", "an evaluation record"),
    "kind.results_record": ("业务结果记录", "a record of business results"),
    "kind.visit_log": ("走访服务企业记录", "a log of service visits"),
    "cli.not_counted": ("{source}：无法统计\n  {message}", "{source}: could not be counted\n  {message}"),
    "cli.interrupted": ("已中断；输出文件夹保持原样，或在下次运行时补全", "interrupted; the output "
                        "folder is as it was, or is completed by the next run"),
    "cli.templates_ok": ("{dir}：所有模板都能编译，用示例数据和刁钻的文字生成的文档都能打开",
                         "{dir}: every template compiles, and the documents it makes from the "
                         "example and from hostile text all open"),
    "cli.bad_quarter": ("应是季度，如 2027Q1，实际是 {value}",
                        "expected a quarter like 2027Q1, found {value}"),
    "cli.bad_count": ("应是不小于 1 的整数，实际是 {value}",
                      "expected a whole number of at least 1, found {value}"),
    "cli.bad_year": ("应是年份，如 2027，实际是 {value}", "expected a year like 2027, found {value}"),
    "templates.no_folder": ("{folder}：没有这个文件夹", "{folder}: no such folder"),
    "templates.broken": ("{path}：用{which}生成的文档打不开（{why}）",
                         "{path}: the document it makes with {which} does not open: {why}"),
    "templates.sample": ("示例数据", "the example's data"),
    "templates.hostile": ("刁钻的文字（标记、控制字符、换行）",
                          "hostile text (markup, control characters, line breaks)"),
    "templates.none": ("{folder}：没有 .docx 模板（可用的名称：{known}）",
                       "{folder}: no .docx templates (known names: {known})"),
    "templates.unknown": ("{path}：不是 studykit 的模板名称（可用的名称：{known}），不会被使用",
                          "{path}: not a studykit template name (known: {known}); it would "
                          "never be used"),
    "district.sessions": ("{n}项活动", "{n} sessions"),
    "district.partial": ("{done}；只写出了一部分：{unplaced}", "{done}; written in part: {unplaced}"),
    "district.no_branch_folder": ("没有找到这个支部的活动记录文件夹 {folder}：区县汇总为每个支部"
                                  "单独找一个子文件夹，名称同课程文件名（{curriculum} 去掉 .yaml）；{found}",
                                  "no records folder {folder} for this branch: a district "
                                  "report looks for one sub-folder per branch, named like its "
                                  "curriculum file ({curriculum} without .yaml); {found}"),
    "district.counted_as_none": ("{why}；这个支部按一次都还没有开展统计",
                                 "{why}; this branch is counted as having held nothing"),
    "district.found_folders": ("记录文件夹里有{n}个子文件夹：{names}",
                               "the records folder holds {n} sub-folder(s): {names}"),
    "district.found_files": ("记录文件夹里直接放着{n}个记录文件，请按支部分到子文件夹里",
                             "the records folder holds {n} record file(s) directly; put each "
                             "branch's records in a sub-folder of its own"),
    "district.found_nothing": ("记录文件夹是空的", "the records folder is empty"),
    "district.clash": ("两个课程文件会写进同一个文件夹：{folders}；请给它们起不同的文件名",
                       "two curricula would write into the same folder: {folders}; give them "
                       "different file names"),
    "charts.no_font": ("图表找不到中文字体，中文会显示成方框。请安装一个"
                       "（Debian/Ubuntu：apt install fonts-noto-cjk；Windows 和 macOS 已自带）。",
                       "no Chinese font found for the charts: Chinese labels will show as boxes. "
                       "Install one (Debian/Ubuntu: apt install fonts-noto-cjk; Windows and "
                       "macOS have one already)."),
    # --- help ------------------------------------------------------------------------------
    "help.studykit": ("根据一个 YAML 文件安排党支部的学习教育（干什么学什么、缺什么补什么）。",
                      "Plan a branch's study programme from one YAML file "
                      "(干什么学什么、缺什么补什么)."),
    "help.version": ("显示版本号并退出", "show the version and exit"),
    "help.lang": ("帮助、用法错误，以及看不出语言的文件的提示所用的语言（默认中文；环境变量 LANG "
                  "为 en… 时用英文）；课程文件的提示总是用它自己的 organization.locale",
                  "the language of help, usage errors and messages about files whose language "
                  "cannot be read (default: Chinese, English where LANG starts with en); a "
                  "curriculum's messages always follow its organization.locale"),
    "help.check": ("检查课程文件和各种记录（按内容识别），一次列出所有问题（文件:行:列）；记录与一同"
                   "给出的课程文件对照",
                   "check curricula and every kind of record (told by their content) and list "
                   "every problem as file:line:col; records are checked against the curriculum "
                   "named with them"),
    "help.check.files": ("课程文件、记录（.yaml，活动登记簿 .xlsx），或存放它们的文件夹（不含子文件夹）",
                         "curricula, records (.yaml, record workbooks .xlsx), or folders of them "
                         "(not their sub-folders)"),
    "help.curriculum": ("课程文件（.yaml）", "the curriculum file (.yaml)"),
    "help.needs": ("能力差距表、各门课程的参加人员，以及还没有课程补齐的差距",
                   "the gap table, the courses' audiences and uncovered gaps"),
    "help.needs.records": ("活动记录文件夹：按测评记录和参加过的课程推算现在的能力等级",
                           "session and assessment records: levels as assessed since, and "
                           "raised by the courses attended"),
    "help.needs.quarter": ("按这个季度开始时的情况分析（与 --records 一起用；默认 calendar.quarter）",
                           "the quarter whose start to analyse (with --records; default "
                           "calendar.quarter)"),
    "help.plan": ("安排一个季度：把会议和课程排在工作日",
                  "plan a quarter: meetings and courses on working days"),
    "help.plan.files": ("一个课程文件；多个文件（或一个文件夹）则按区县安排，每个支部写入 OUT/<文件名>/",
                        "a curriculum; several (or a folder) plan a district, each branch into "
                        "OUT/<file name>/"),
    "help.jobs": ("同时安排几个支部（默认：本机的处理器核数）",
                  "branches planned at once (default: the machine's cores)"),
    "help.quarter": ("要安排的季度（默认：课程文件中的 calendar.quarter）",
                     "the quarter to plan (default: calendar.quarter in the curriculum)"),
    "help.plan.year": ("安排一整年：四个季度各写入 OUT/2027Q1/…，年度学习计划（annual.docx、annual.ics）写在 OUT 中",
                       "plan the whole year: each quarter into OUT/2027Q1/…, the year's plan "
                       "(annual.docx, annual.ics) in OUT"),
    "help.plan.out": ("把 plan.yaml、calendar.ics 和各份 Word 文档写入这个文件夹",
                      "write plan.yaml, calendar.ics and the Word documents into DIR"),
    "help.strict": ("课程文件中没有能满足某项最低要求的活动时（例如没有党课），视为错误，不写出计划",
                    "a minimum nothing in the curriculum can meet (no party lecture at all) "
                    "is an error, and nothing is written"),
    "help.partial": ("有活动无法安排时，也写出已安排的部分",
                     "write the plan even when some sessions could not be placed"),
    "help.plan.records": ("活动记录文件夹，用于列出每次会议要跟进的未完成事项",
                          "session records, for the open action items each meeting follows up"),
    "help.templates": ("你自己的 Word 模板文件夹（默认：organization.templates）",
                       "your own Word templates (default: organization.templates)"),
    "help.force": ("覆盖手工改过的文档", "overwrite documents that were changed by hand"),
    "help.beside": ("手工改过的文档保留不动，新版本写在旁边",
                    "for documents changed by hand, write the new version beside them"),
    "help.minutes": ("为已召开的活动写会议记录", "write the minutes of held sessions"),
    "help.minutes.records": ("活动记录：YAML 文件、活动登记簿 records.xlsx，或放记录的文件夹",
                             "session records: YAML files, the record workbook records.xlsx, or a "
                             "folder of them"),
    "help.minutes.out": ("季度计划的输出文件夹；或 plan --year 写的年度文件夹，每份记录写入所属季度的文件夹",
                         "the plan's output folder; or the year's folder plan --year writes, "
                         "each record into its quarter's folder"),
    "help.report": ("学习台账：学时、组织生活、人数与表决、补学、决议事项",
                    "the ledger: study hours, meetings, quorum, make-up study, action items"),
    "help.report.files": ("一个课程文件；多个文件（或一个文件夹）则生成区县汇总",
                          "a curriculum; several (or a folder) make a district overview"),
    "help.report.records": ("活动记录文件夹（区县汇总时：每个支部一个子文件夹，名称同课程文件名）",
                            "the folder of session records (for a district: one sub-folder per "
                            "branch, named like its curriculum file)"),
    "help.year": ("年份（默认：最近一份记录的年份）", "the year (default: that of the latest record)"),
    "help.report.quarter": ("统计到这个季度末", "report up to the end of this quarter"),
    "help.report.out": ("把 report.docx 和 ledger.xlsx 写入这个文件夹",
                        "write report.docx and ledger.xlsx into DIR"),
    "help.evaluate": ("民主评议党员：每名党员的年度表现对照、程序检查、测评表、登记表、汇总和党建+业务考核表",
                      "the year's evaluation of party members: the evidence side by side, the "
                      "procedure checked, the ballot, the forms, the summary and the scorecard"),
    "help.evaluate.records": ("活动记录文件夹：会议记录、民主评议记录、业务结果和走访记录",
                              "the folder of records: sessions, the evaluation, business "
                              "results, service visits"),
    "help.evaluate.year": ("评议的年度", "the year evaluated"),
    "help.evaluate.out": ("把民主测评表、登记表、汇总和考核表写入这个文件夹",
                          "write the ballot, the forms, the summary and the scorecard into DIR"),
    "help.evaluate.json": ("以 JSON 输出评议情况", "print the evaluation as JSON"),
    "help.json": ("以 JSON 输出台账", "print the ledger as JSON"),
    "help.templates_cmd": ("Word 模板：复制出来修改，或检查", "the Word templates, to copy and edit"),
    "help.templates.copy": ("把内置模板复制到文件夹", "copy the built-in templates into DIR"),
    "help.templates.locale": ("模板的语言", "the templates' language"),
    "help.templates.check": ("检查文件夹中的每个模板能否编译并生成文档",
                             "check that every template in DIR compiles and renders"),
    "help.dir": ("文件夹", "the folder"),
    "help.overwrite": ("覆盖已有的文件", "overwrite files that exist"),
    "help.examples": ("studykit 自带的示例课程文件", "the example curricula that come with studykit"),
    "help.examples.copy": ("把示例课程文件复制到文件夹，以便修改",
                           "copy the example curricula into DIR, to edit"),
    # minutes into quarter folders
    "minutes.record_of": ("这份记录是{quarter}的活动（{day}）", "this record is of {quarter} ({day})"),
    "minutes.other_quarter": (
        "{when}，会议记录应写入 {belongs}，不能写入{plan}的计划文件夹 {folder}"
        "（几个季度的记录可以一起写入 plan --year 写的年度文件夹）",
        "{when}: its minutes belong in {belongs}, not in {folder}, the plan folder of {plan} "
        "(records of several quarters go together into the year's folder plan --year writes)"),
    "minutes.no_quarter_folder": (
        "{when}，年度文件夹 {folder} 中没有 {id} 文件夹：请先用 studykit plan --year {year} "
        "写出这一年的计划",
        "{when}, and the year's folder {folder} has no {id} folder: write that year's plan "
        "first (studykit plan --year {year})"),
    # --- record drafts (studykit records draft)
    "draft.no_session": ("{quarter} 的计划里没有活动 {id}（{hint}）",
                         "the plan of {quarter} has no session {id} ({hint})"),
    "draft.signin_needs_session": ("--signin 要和 --session 一起用：签到表是哪一次活动的",
                                   "--signin needs --session: which session the sign-in is of"),
    "cli.draft_exists": ("已有，没有另写草稿：{path}", "already there, no draft written: {path}"),
    "cli.drafts": ("已写出 {n} 份记录草稿到 {out}：补全后用 studykit minutes 生成会议记录",
                   "wrote {n} record drafts into {out}: complete them, then studykit minutes "
                   "writes the minutes"),
    "help.records_cmd": ("活动记录：按计划预先填好的记录草稿", "session records: drafts pre-filled "
                         "from the plan"),
    "help.records.draft": ("为一个季度的活动（或其中一次）写出 YAML 记录草稿，日期、时间、地点、"
                           "主持人和应到人员已按计划填好",
                           "write YAML record drafts for a quarter's sessions (or one), with "
                           "the day, time, venue, chair and members expected filled in"),
    "help.records.quarter": ("季度，如 2027Q1", "the quarter, e.g. 2027Q1"),
    "help.records.session": ("只写这一次活动（活动编号见 plan.yaml）",
                             "only this session (its id as in plan.yaml)"),
    "help.records.out": ("写到这个文件夹（默认 records），已有的文件不会被覆盖",
                         "the folder to write into (default: records); files there are never "
                         "replaced"),
    "help.records.records": ("已有的活动记录（文件夹或 records.xlsx），与 plan --records 相同",
                             "the records so far (a folder or records.xlsx), as for plan "
                             "--records"),
    "help.records.signin": ("签到表（问卷或表格导出的 CSV / xlsx），据此填写出席和迟到；"
                            "须与 --session 一起用",
                            "a sign-in export (CSV or xlsx from a form or a spreadsheet): "
                            "present and late from it; needs --session"),
    # --- the record workbook (records.xlsx)
    "workbook.unreadable": ("不是可以读取的 Excel 工作簿（.xlsx）：请用 Excel 或 WPS 另存为 .xlsx 后再试",
                            "not an Excel workbook (.xlsx) that can be read: save it as .xlsx "
                            "in Excel or WPS and try again"),
    "workbook.too_big": ("工作簿解压后过大，不像活动登记簿", "the workbook unpacks to too much "
                         "to be a record workbook"),
    "workbook.too_many_sheets": ("工作表超过 {most} 张，不像一个支部的活动登记簿",
                                 "more than {most} sheets: not one branch's record workbook"),
    "workbook.too_many_rows": ("工作表“{sheet}”超过 {most} 行，不像一次活动的登记",
                               "sheet '{sheet}' has more than {most} rows: not one session's "
                               "record"),
    "workbook.bad_status": ("“{found}”不是 {choices} 之一", "'{found}' is not one of {choices}"),
    "workbook.no_status": ("未填写：请选择出勤情况", "not filled in: choose the attendance"),
    "workbook.leave_reason": ("请假要写明原因", "on leave: give the reason"),
    "workbook.status_no_name": ("填了出勤情况，但没有姓名", "an attendance without a name"),
    "workbook.unmarked": ("工作表“{sheet}”像是一次活动的登记，但隐藏的 H、I 列被删除或改动了，"
                          "读不出是哪次活动、哪些人员：请在 studykit plan 新写出的登记簿中重新填写这次活动",
                          "sheet '{sheet}' looks like a session's record, but its hidden columns "
                          "H and I were deleted or changed, so which session and which members "
                          "it is of cannot be read: fill the session in again in a record "
                          "workbook written afresh by studykit plan"),
    "workbook.twice_on_leave": ("{name}的请假已经登记过一次", "{name} is on leave in another "
                                "row already"),
    "workbook.twice": ("这位人员在第{row}行已经登记过出勤情况", "this member's attendance is "
                       "in row {row} already"),
    # sign-in sheets (studykit.reading.signin)
    "signin.xls": (
        "这是旧版 Excel 文件（.xls），studykit 不读这种格式：请在 Excel 或 WPS 中打开它，"
        "另存为 Excel 工作簿（.xlsx）或 CSV，再导入另存的文件",
        "this is an old Excel file (.xls), a format studykit does not read: open it in Excel "
        "or WPS, save it as an Excel workbook (.xlsx) or as CSV, and import that file"),
    "signin.not_workbook": (
        "不是能读取的 Excel 工作簿（.xlsx）：文件可能已损坏，或是别的文件改了扩展名",
        "not an Excel workbook (.xlsx) that can be read: the file may be damaged, or another "
        "kind of file renamed"),
    "signin.not_text": ("既不是 CSV 文字文件，也不是 Excel 工作簿（.xlsx）",
                        "neither a CSV text file nor an Excel workbook (.xlsx)"),
    "signin.encoding": (
        "既不是 UTF-8 也不是 GBK（GB18030）编码的文字（字节 0x{byte}）；"
        "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
        "text in neither UTF-8 nor GBK (GB18030) (byte 0x{byte}); save it from Excel as "
        "\"CSV UTF-8 (Comma delimited)\""),
    "signin.csv_bad": ("CSV 文件读不下去（{raw}）", "the CSV file cannot be read ({raw})"),
    "signin.empty": ("签到表是空的：没有表头，也没有签到",
                     "the sign-in sheet is empty: no header and no sign-ins"),
    "signin.no_columns": (
        "找不到{what}。这一行的表头是：{headers}。能识别的姓名列表头：{names}；"
        "能识别的时间列表头：{times}（见 docs/records.md）",
        "no {what} found. The headers of this row are: {headers}. Name columns recognised: "
        "{names}; time columns recognised: {times} (see docs/records.md)"),
    "signin.what.name": ("姓名列", "name column"),
    "signin.what.time": ("签到时间列", "sign-in time column"),
    "signin.what.both": ("姓名列和签到时间列", "name column or sign-in time column"),
    "signin.too_many": (
        "签到表超过 {most} 行，不像是一次活动的签到：请只导出这次活动的签到",
        "the sign-in sheet has more than {most} rows, more than one session's sign-in: "
        "export only this session's"),
    "signin.no_name": ("有签到时间，却没有姓名", "a sign-in time without a name"),
    "signin.time_bad": ("'{value}' 不是签到时间：请写成 2027-01-06 14:55 或 14:55 这样",
                        "'{value}' is not a sign-in time: write it like 2027-01-06 14:55 "
                        "or 14:55"),
    "signin.no_clock": ("'{value}' 只有日期，没有签到的时刻",
                        "'{value}' is a day without the time of signing in"),
    "signin.other_day": (
        "签到时间在{day}，这次活动在{held}：是另一次活动的签到吗？这一行不计入",
        "signed in on {day}, but the session is on {held}: is this another session's "
        "sign-in? The row is not counted"),
    "signin.ambiguous": (
        "有{count}位人员叫 '{name}'（{ids}），不知道是哪一位签到：请把这一格改成其中一位的写法",
        "{count} members are called '{name}' ({ids}), so who signed in is not known: write "
        "one of those in this cell instead"),
    # --- names as a person writes them (studykit.reading.names)
    "names.unknown": ("'{name}' 不是本支部的人员（{hint}）",
                      "'{name}' is not a member of the branch ({hint})"),
    "names.close": ("是不是 {names}？", "did you mean {names}?"),
    "names.none_close": ("没有名字相近的人员", "no member has a name like it"),
    "names.ambiguous": ("有{count}位人员叫 '{name}'：请在下拉列表中选定是哪一位（{ids}）",
                        "{count} members are called '{name}': choose which one from the "
                        "drop-down list ({ids})"),
    "names.not_in_branch": ("'{name}' 在{day}不在本支部（见课程文件中的 joined / left）",
                            "'{name}' is not in the branch on {day} (see joined / left in "
                            "the curriculum)"),
    # --- check: every file by its content (issue 15, item 4) ------------------------------
    "check.ok": ("{path}：通过 — {what}", "{path}: ok — {what}"),
    "check.ok_alone": ("{path}：格式无误（未对照课程文件）— {what}",
                       "{path}: well-formed (not checked against a curriculum) — {what}"),
    "check.session_record": ("活动记录：{title}（{day}）", "session record: {title} ({day})"),
    "check.makeup_record": ("补学记录：{n}项补学", "make-up record: {n} make-up(s)"),
    "check.assessment_record": ("能力测评记录：{day}，{n}人",
                                "assessment record: {day}, {n} member(s)"),
    "check.evaluation_record": ("民主评议记录：{year}年度", "evaluation record: {year}"),
    "check.results_record": ("业务结果记录：{year}年度，{n}人",
                             "business results: {year}, {n} member(s)"),
    "check.visit_log": ("走访服务企业记录：{n}次走访", "log of service visits: {n} visit(s)"),
    "check.unknown": ("不是 studykit 认得的文件：{looks}。studykit 检查的是课程文件（以 "
                      "`studykit: 1` 开头）和各种记录：活动记录（`session`）、补学记录"
                      "（`makeup`）、能力测评记录（`assessment`）、民主评议记录（`evaluation`）、"
                      "业务结果记录（`results`）、走访服务企业记录（`visits`），以及 `studykit plan` "
                      "写出的活动登记簿",
                      "not a file studykit knows: {looks}. It checks curricula (starting with "
                      "`studykit: 1`) and records: session records (`session`), make-up "
                      "records (`makeup`), assessment records (`assessment`), evaluation "
                      "records (`evaluation`), business results (`results`) and logs of "
                      "service visits (`visits`), and the record workbook (records.xlsx) written by "
                      "`studykit plan`"),
    "check.workbook_blank": ("{path}：活动登记簿，{n}张活动工作表都还没有填写（开完会填写出勤情况后再检查）",
                             "{path}: a record workbook, none of its {n} session sheets filled "
                             "in yet (fill in the attendance after a session, then check)"),
    "check.not_record_workbook": ("这个 Excel 工作簿不是活动登记簿：其中没有 studykit plan 写出的活动工作表",
                                  "this Excel workbook is no record workbook: it has none of the "
                                  "session sheets studykit plan writes"),
    "check.looks_empty": ("文件是空的", "the file is empty"),
    "check.looks_found": ("文件里是{found}", "it holds {found}"),
    "check.looks_keys": ("它的键是 {keys}", "its keys are {keys}"),
    "check.plan_file": ("{path}：不用检查 — `studykit plan` 写出的季度计划",
                        "{path}: nothing to check — a quarter's plan written by "
                        "`studykit plan`"),
    "check.nothing": ("{where} 中没有可检查的文件（*.yaml、*.yml、*.xlsx）",
                      "nothing to check in {where} (no *.yaml, *.yml or *.xlsx files)"),
    "check.note": ("说明：{message}", "note: {message}"),
    "check.name_curriculum": ("{n}个记录只检查了格式（文件能读、结构是记录）；要同时核对人员和"
                              "活动，请把课程文件一起写上：studykit check {curriculum} {records}",
                              "{n} record(s) checked for their form only (the file reads, its "
                              "shape is a record's); to check members and sessions too, name "
                              "the curriculum with them: studykit check {curriculum} {records}"),
    "check.curriculum_file": ("课程文件.yaml", "CURRICULUM.yaml"),
    "check.broken_curriculum": ("课程文件 {curriculum} 有问题，{n}个记录只检查了格式；改好课程文件"
                                "再检查一次，就会核对人员和活动",
                                "the curriculum {curriculum} has problems, so {n} record(s) "
                                "were checked for their form only; correct it and check again "
                                "to check members and sessions too"),
    "check.no_branch": ("{folder} 中的{n}个记录只检查了格式：给了多个课程文件时，每个支部的记录"
                        "要放在与它的课程文件同名的文件夹里（{names}），和区县汇总一样；这个"
                        "文件夹叫 '{name}'，对不上任何一个",
                        "{n} record(s) in {folder} checked for their form only: with several "
                        "curricula, each branch's records go in a folder named like its "
                        "curriculum file ({names}), as for a district report; this folder, "
                        "'{name}', matches none"),
    "check.branch_clash": ("{folder} 中的{n}个记录只检查了格式：有几个课程文件同名（{curricula}），"
                           "分不清是哪个支部的",
                           "{n} record(s) in {folder} checked for their form only: several "
                           "curricula have that name ({curricula}), so whose they are cannot "
                           "be told"),
    # --- the notebooks' record form (studykit/show/forms.py, studykit/app/workflows.py)
    "form.leave_reason": ("{name}请假，请写明原因", "{name} is on leave: say why"),
    "form.no_status": ("{name}的出勤情况没有填写", "no attendance given for {name}"),
    "form.unknown_member": ("本次活动的应到人员中没有「{name}」（{hint}）",
                            "'{name}' is not expected at this session ({hint})"),
    "form.unknown_status": ("{name}的出勤情况「{status}」不是 {known} 之一",
                            "attendance '{status}' of {name} is not one of {known}"),
    "form.unknown_session": ("本季度计划中没有活动「{id}」（{hint}）",
                             "the quarter's plan has no session '{id}' ({hint})"),
    "form.unknown_field": ("表单中没有「{name}」这一项（可以填写：{known}）",
                           "the form has no field '{name}' (known: {known})"),
    "form.vote_motion": ("填写了表决票数，请写明表决事项", "votes given: say what was voted on"),
    "form.action_owner": ("落实事项「{task}」请选择责任人", "action '{task}': choose its owner"),
    "form.action_task": ("选择了落实事项的责任人或期限，请写明事项",
                         "an action's owner or due date is given: say what is to be done"),
    "form.recorded": ("{title}已有记录 {path}，不会覆盖；要修改请直接编辑这个文件",
                      "{title} is already recorded in {path}, which is not overwritten: "
                      "edit that file to change it"),
    "form.file_exists": ("文件 {path} 已经存在，不会覆盖", "{path} exists already and is not "
                         "overwritten"),
    "form.bad_due": ("期限「{value}」不是日期，请写成 2027-03-12 这样", "due '{value}' is not a "
                     "date: write it as 2027-03-12"),
    "form.bad_votes": ("票数「{value}」应是赞成、反对、弃权三个数，如 (5, 0, 0)",
                       "votes '{value}' should be three numbers, for, against and abstain: "
                       "(5, 0, 0)"),
    "form.no_widgets": ("表单需要 ipywidgets：请运行 make notebook，或 pip install "
                        "'studykit[notebooks]'",
                        "the form needs ipywidgets: run make notebook, or pip install "
                        "'studykit[notebooks]'"),
}

ARGPARSE_ZH: dict[str, str] = {
    # argparse's own words, which it looks up by their English text
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助信息并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知的命令 %(parser_name)r（可选：%(choices)s）",
}
