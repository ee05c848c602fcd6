"""The record form of the minutes notebook: a session of the plan, filled in, then filed.

最多报一次 (enter a fact once): the form starts from the plan's draft of the session
(:func:`~studykit.engine.drafts.draft`: day, time, venue, chair, who is expected as they
stood that day); the secretary chooses each member's attendance (出席 / 迟到 / 请假 /
缺席, with a reason for 请假) and writes topics, decisions, the summary, and at most one
vote and one action. Saving hands the record's data to ``file`` (the notebook's: write
the YAML record into the records folder and the minutes), which refuses to overwrite.

The form's logic is plain Python, apart from the widgets: :class:`Entry` holds what is
filled in, :func:`entry_problems` says what is missing or wrong (in the curriculum's
language, naming the member), :func:`entry_record` gives the record's data. The widgets
(:class:`RecordForm`, built with ipywidgets, which JupyterLab 4 shows without any
extension) only read and set an :class:`Entry`; :meth:`RecordForm.fill` and
:meth:`RecordForm.submit` do in code what the user does with the mouse, so a notebook
cell, or a test, can file a record without clicking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import UserError
from ..domain.vocabulary import ATTENDANCE
from ..engine.drafts import Draft, attendance_of, attendance_words
from ..reading.names import MemberNames, curriculum_labels
from ..reading.problems import suggest
from ..words import Message, day_only, msg, text
from .display import _STYLE, record_html

if TYPE_CHECKING:
    from ..domain.models import Curriculum
    from ..domain.records import Record

FIELDS = ("chair", "recorder", "topics", "decisions", "summary", "motion", "votes", "task",
          "owner", "due")
"""What :meth:`RecordForm.fill` sets besides the session and the attendance."""


@dataclass
class Entry:
    """What is filled in for one session: each expected member's attendance (member id →
    one of ``ATTENDANCE``, '' not yet given) and reason, and what was said and decided."""

    session: str
    statuses: dict[str, str]
    reasons: dict[str, str] = field(default_factory=dict)
    chair: str | None = None
    recorder: str | None = None
    topics: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    summary: str = ""
    motion: str = ""
    votes: tuple[int, int, int] = (0, 0, 0)
    """For, against, abstain."""
    task: str = ""
    owner: str | None = None
    due: date | None = None


def entry_for(draft: Draft) -> Entry:
    """The entry a form starts with: everyone present but those the plan excused (on leave,
    with the plan's reason), the plan's chair and agenda."""
    return Entry(draft.session.id,
                 {e.id: "leave" if e.excused else "present" for e in draft.expected},
                 {e.id: e.excused for e in draft.expected if e.excused},
                 chair=draft.chair, topics=list(draft.topics))


def entry_problems(draft: Draft, entry: Entry) -> list[Message]:
    """What keeps ``entry`` from being a record: a member without attendance, on leave
    without a reason, someone not expected, a vote without its motion, an action without
    its owner."""
    names = {e.id: e.name for e in draft.expected}
    problems = []
    for member in entry.statuses:
        if member not in names:
            problems.append(msg("form.unknown_member", name=member,
                                hint=suggest(member, list(names.values()))))
    for e in draft.expected:
        status = entry.statuses.get(e.id) or ""
        if not status:
            problems.append(msg("form.no_status", name=e.name))
        elif status not in ATTENDANCE:
            problems.append(msg("form.unknown_status", name=e.name, status=status,
                                known=msg("attendance.all")))
        elif status == "leave" and not (entry.reasons.get(e.id) or "").strip():
            problems.append(msg("form.leave_reason", name=e.name))
    if any(entry.votes) and not entry.motion.strip():
        problems.append(msg("form.vote_motion"))
    if entry.task.strip() and not entry.owner:
        problems.append(msg("form.action_owner", task=entry.task.strip()))
    if not entry.task.strip() and (entry.owner or entry.due):
        problems.append(msg("form.action_task"))
    return problems


def entry_record(draft: Draft, entry: Entry) -> dict[str, Any]:
    """The record's data (as YAML holds it) of an entry without problems."""
    votes = [{"motion": entry.motion.strip(), "for": entry.votes[0],
              "against": entry.votes[1], "abstain": entry.votes[2]}] \
        if entry.motion.strip() else []
    action: dict[str, Any] = {"task": entry.task.strip(), "owner": entry.owner}
    if entry.due:
        action["due"] = entry.due
    return draft.record(
        entry.statuses,
        {m: r.strip() for m, r in entry.reasons.items() if entry.statuses.get(m) == "leave"},
        chair=entry.chair, recorder=entry.recorder,
        topics=_lines(entry.topics), decisions=_lines(entry.decisions),
        summary=entry.summary.strip() or None, votes=votes,
        actions=[action] if entry.task.strip() else [])


def _lines(items: Sequence[str]) -> list[str]:
    return [line.strip() for item in items for line in item.splitlines() if line.strip()]


Filer = Callable[[Draft, Mapping[str, Any]], "Filed"]
"""Files a record's data: writes the record and its minutes, or raises a UserError."""


@dataclass(frozen=True)
class Filed:
    """A record filed: its file, the record as read back, and the minutes written."""

    path: Path
    record: Record
    minutes: tuple[Path, ...]


@dataclass(frozen=True)
class Outcome:
    """What saving the form did: the record filed, or why not (nothing written then)."""

    locale: str
    filed: Filed | None = None
    problems: tuple[str, ...] = ()
    shown: str = ""
    """The record as a table (when filed)."""

    @property
    def saved(self) -> bool:
        """Whether the record and its minutes were written."""
        return self.filed is not None

    def lines(self) -> list[str]:
        """The outcome as lines of text."""
        if self.filed is None:
            return [text(self.locale, "form.not_saved"), *(f"  {p}" for p in self.problems)]
        return [text(self.locale, "form.saved", record=str(self.filed.path)),
                *(text(self.locale, "form.minutes", minutes=str(p)) for p in self.filed.minutes)]

    def _repr_html_(self) -> str:
        head, *rest = self.lines()
        if self.filed is None:
            items = "".join(f"<li>{escape(p)}</li>" for p in self.problems)
            return (f"<div class='studykit'><p style='color:#b00'><b>{escape(head)}</b></p>"
                    f"<ul>{items}</ul></div>")
        return (f"<div class='studykit'><p><b>{escape(head)}</b></p>"
                + "".join(f"<p>{escape(line)}</p>" for line in rest) + self.shown + "</div>")

    def __repr__(self) -> str:
        return "\n".join(self.lines())

    __str__ = __repr__


def member_of(draft: Draft, who: str, labels: Mapping[str, str], locale: str) -> str | Message:
    """The id of the expected member ``who`` names (a name, the form's label for one of two
    members of one name, an id), or what is wrong (:class:`~studykit.reading.names.MemberNames`)."""
    return MemberNames({e.id: labels.get(e.id, e.name) for e in draft.expected}, locale,
                       unknown="form.unknown_member").member(who)


class RecordForm:
    """The form: a session of the quarter's plan, each expected member's attendance and
    reason, what was said and decided, and a button that files it.

    ``drafts`` are the sessions one can record, ``held`` the sessions already recorded
    (session id → its record file), which are refused, not overwritten.
    """

    def __init__(self, curriculum: Curriculum, drafts: Sequence[Draft], file: Filer,
                 held: Mapping[str, str] | None = None, session: str | None = None) -> None:
        try:
            import ipywidgets as w  # type: ignore[import-untyped]
        except ImportError:
            raise UserError(msg("form.no_widgets"), curriculum.locale) from None
        if not drafts:
            raise ValueError("a form needs a session to record")
        self.curriculum = curriculum
        self.locale = curriculum.locale
        self.labels = curriculum_labels(curriculum)
        """Members as the form names them (a post beside a name two members share)."""
        self.drafts = {d.session.id: d for d in drafts}
        self.held = dict(held or {})
        self._file = file
        self._pending: list[Message] = []
        self._w = w
        t = self._t
        wide = w.Layout(width="36em")
        label = {"description_width": "8em"}
        first = session if session in self.drafts else next(
            (i for i in self.drafts if i not in self.held), next(iter(self.drafts)))
        self.session = w.Dropdown(options=self._session_options(), value=first,
                                  description=t("form.session"), layout=wide, style=label)
        self.when = w.HTML()
        self.chair = w.Dropdown(description=t("form.chair"), style=label)
        self.recorder = w.Dropdown(description=t("form.recorder"), style=label)
        self.members = w.VBox()
        self.members_head = w.HTML()
        self.topics = w.Textarea(description=t("form.topics"), rows=3, layout=wide, style=label)
        self.decisions = w.Textarea(description=t("form.decisions"), rows=2, layout=wide,
                                    style=label)
        self.summary = w.Textarea(description=t("form.summary"), rows=2, layout=wide,
                                  style=label)
        self.motion = w.Text(description=t("form.vote"), layout=wide, style=label)
        self.counts = [w.BoundedIntText(value=0, min=0, max=100_000, description=t(key),
                                        layout=w.Layout(width="11em"))
                       for key in ("form.for", "form.against", "form.abstain")]
        self.task = w.Text(description=t("form.action"), layout=wide, style=label)
        self.owner = w.Dropdown(description=t("form.owner"), style=label)
        self.due = w.DatePicker(description=t("form.due"), style=label)
        self.save = w.Button(description=t("form.save"), button_style="primary",
                             layout=w.Layout(width="auto"))
        self.output = w.Output()
        self._rows: dict[str, tuple[Any, Any]] = {}
        self.session.observe(lambda change: self._show(change["new"]), names="value")
        self.save.on_click(lambda _: self._clicked())
        self.box = w.VBox([
            w.HTML(f"{_STYLE}<h3>{escape(t('form.title'))}</h3>"), self.session, self.when,
            self.chair, self.recorder, self.members_head, self.members, self.topics,
            self.decisions, self.summary, self.motion, w.HBox(self.counts), self.task,
            w.HBox([self.owner, self.due]), self.save, self.output])
        self._show(first)

    def _t(self, key: str, **values: object) -> str:
        return text(self.locale, key, **values)

    def _session_options(self) -> list[tuple[str, str]]:
        return [(f"{day_only(self.locale, d.session.date)} {d.session.title}"
                 + (self._t("form.recorded_mark") if i in self.held else ""), i)
                for i, d in self.drafts.items()]

    @property
    def draft(self) -> Draft:
        """The draft of the session chosen."""
        return self.drafts[self.session.value]

    def _show(self, session: str) -> None:
        """Lay out the form for ``session``, as its draft starts."""
        w, d, t = self._w, self.drafts[session], self._t
        s = d.session
        place = s.place or ""
        self.when.value = (f"<p>{escape(t('form.when'))}：{escape(day_only(self.locale, s.date))} "
                           f"{s.start:%H:%M}—{s.end:%H:%M} {escape(place)}</p>")
        people = [(t("form.nobody"), "")] + [(self.labels[e.id], e.id) for e in d.expected]
        for box in (self.chair, self.recorder, self.owner):
            box.options = people
            box.value = ""
        self.members_head.value = f"<b>{escape(t('form.members', n=len(d.expected)))}</b>"
        statuses = list(attendance_words(self.locale).items())
        self._rows = {}
        rows = []
        for e in d.expected:
            status = w.Dropdown(options=statuses, layout=w.Layout(width="7em"))
            reason = w.Text(placeholder=t("form.reason_hint"), layout=w.Layout(width="20em"))
            self._rows[e.id] = (status, reason)
            who = t("form.member", name=self.labels[e.id], standing=t(f"party.{e.party}"))
            rows.append(w.HBox([w.Label(who, layout=w.Layout(width="16em")), status, reason]))
        self.members.children = rows
        self.set(entry_for(d))
        self.output.outputs = ()

    @property
    def entry(self) -> Entry:
        """What the form holds now."""
        return Entry(
            self.session.value,
            {m: status.value or "" for m, (status, _) in self._rows.items()},
            {m: reason.value for m, (_, reason) in self._rows.items() if reason.value.strip()},
            chair=self.chair.value or None, recorder=self.recorder.value or None,
            topics=self.topics.value.splitlines(), decisions=self.decisions.value.splitlines(),
            summary=self.summary.value, motion=self.motion.value,
            votes=(self.counts[0].value, self.counts[1].value, self.counts[2].value),
            task=self.task.value, owner=self.owner.value or None, due=self.due.value)

    def set(self, entry: Entry) -> None:
        """Show ``entry`` in the widgets (of its session, which must be the one chosen)."""
        for m, (status, reason) in self._rows.items():
            status.value = entry.statuses.get(m) or None
            reason.value = entry.reasons.get(m) or ""
        self.chair.value = entry.chair or ""
        self.recorder.value = entry.recorder or ""
        self.topics.value = "\n".join(entry.topics)
        self.decisions.value = "\n".join(entry.decisions)
        self.summary.value = entry.summary
        self.motion.value = entry.motion
        for box, n in zip(self.counts, entry.votes, strict=True):
            box.value = n
        self.task.value = entry.task
        self.owner.value = entry.owner or ""
        self.due.value = entry.due

    def fill(self, session: str | None = None, statuses: Mapping[str, str] | None = None,
             reasons: Mapping[str, str] | None = None, **fields: Any) -> None:
        """Fill the form in code, as a user would with the mouse: ``session`` by id or
        title, members by name or id, attendance by its word (出席, 请假…), the other
        fields (:data:`FIELDS`) by name (``votes=(5, 0, 0)``, ``due="2027-03-12"``).
        Whatever cannot be filled in is said when the form is saved."""
        self._pending = []
        if session is not None:
            chosen = next((i for i, d in self.drafts.items()
                           if session in (i, d.session.title)), None)
            if chosen is None:
                self._pending.append(msg("form.unknown_session", id=session,
                                         hint=suggest(session, list(self.drafts))))
                return
            self.session.value = chosen
        entry = self.entry
        for key, value in fields.items():
            if key not in FIELDS:
                self._pending.append(msg("form.unknown_field", name=key, known=", ".join(FIELDS)))
            elif key in ("chair", "recorder", "owner") and value:
                who = member_of(self.draft, str(value), self.labels, self.locale)
                if isinstance(who, Message):
                    self._pending.append(who)
                else:
                    setattr(entry, key, who)
            elif key in ("topics", "decisions"):
                setattr(entry, key, [value] if isinstance(value, str) else list(value))
            elif key == "due" and isinstance(value, str):
                try:
                    entry.due = date.fromisoformat(value) if value else None
                except ValueError:
                    self._pending.append(msg("form.bad_due", value=value))
            elif key == "votes":
                try:
                    votes = [int(v) for v in value]
                except (TypeError, ValueError):
                    votes = []
                if len(votes) != 3 or min(votes) < 0:
                    self._pending.append(msg("form.bad_votes", value=str(value)))
                else:
                    entry.votes = (votes[0], votes[1], votes[2])
            else:
                setattr(entry, key, value)
        for who, said in (statuses or {}).items():
            member = member_of(self.draft, who, self.labels, self.locale)
            status = attendance_of(self.locale, said)
            if isinstance(member, Message):
                self._pending.append(member)
            elif status is None:
                name = self.curriculum.member_by_id[member].name
                self._pending.append(msg("form.unknown_status", name=name, status=said,
                                         known=msg("attendance.all")))
            else:
                entry.statuses[member] = status
        for who, why in (reasons or {}).items():
            member = member_of(self.draft, who, self.labels, self.locale)
            if isinstance(member, Message):
                self._pending.append(member)
            else:
                entry.reasons[member] = why
        self.set(entry)

    def problems(self) -> list[str]:
        """Why the form cannot be saved as it is, in the curriculum's language."""
        found = [*self._pending, *entry_problems(self.draft, self.entry)]
        session = self.session.value
        if session in self.held:
            found.insert(0, msg("form.recorded", title=self.draft.session.title,
                                path=self.held[session]))
        return list(dict.fromkeys(m.text(self.locale) for m in found))

    def submit(self) -> Outcome:
        """Save the form: file the record and write its minutes, or say why not (nothing
        is written then). What the button does."""
        problems = self.problems()
        if problems:
            return Outcome(self.locale, problems=tuple(problems))
        data = entry_record(self.draft, self.entry)
        try:
            filed = self._file(self.draft, data)
        except UserError as exc:
            return Outcome(self.locale, problems=tuple(exc.text().splitlines()))
        self.held[self.session.value] = str(filed.path)
        value = self.session.value
        self.session.options = self._session_options()
        self.session.value = value
        self._pending = []
        return Outcome(self.locale, filed,
                       shown=record_html(filed.record, self.curriculum,
                                         self.draft.session.title))

    def _clicked(self) -> None:
        outcome = self.submit()
        self.output.outputs = ()
        self.output.append_display_data(outcome)

    def __repr__(self) -> str:
        s = self.draft.session
        return text(self.locale, "nb.line", head=self._t("form.title"), said=(
            f"{day_only(self.locale, s.date)} {s.title}"
            f"{self._t('form.expected_n', n=len(self.draft.expected))}"))

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        """The widgets, and a line of text where they cannot be shown (never their repr)."""
        bundle = self.box._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = repr(self)
        return bundle
