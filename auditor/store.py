"""Audits, answers, uploads (hashes and masked summaries), comments, overrides and sign-offs.

SQLite by default (one file); any SQLAlchemy URL (PostgreSQL for a shared server). The schema is
created and upgraded with Alembic on open. Every change is an event, hash-chained to the one before
it in the same audit, so editing the database by hand shows in :meth:`Store.verify_chain`; a
sign-off records the SHA-256 of the report and any later change invalidates it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from auditor.store_models import AnswerRow, Audit, Event, Upload, User, now

DEFAULT_URL = "sqlite:///" + str(Path(os.environ.get("AUDITOR_DATA_DIR", ".auditor")) / "auditor.db")
ROLES = ("startup", "reviewer")
GENESIS = "0" * 64
# status -> {next status: role allowed to move it}
TRANSITIONS: dict[str, dict[str, str]] = {
    "draft": {"submitted": "startup"},
    "submitted": {"in_review": "reviewer"},
    "in_review": {"changes_requested": "reviewer", "signed": "reviewer"},
    "changes_requested": {"submitted": "startup"},
    "signed": {},
}
CONTENT_EVENTS = {"answer", "override", "upload", "report"}


class PermissionDenied(Exception):
    """The user's role or ownership does not allow this."""


class ConflictError(Exception):
    """Someone else changed this since it was read (another tab or reviewer): reload before saving."""


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt)).split("$")[2], digest)


def migrate(url: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


@dataclass(frozen=True)
class StoredAnswer:
    value: str
    evidence: str
    comment: str
    version: int


class Store:
    def __init__(self, url: str | None = None) -> None:
        self.url = url or os.environ.get("AUDITOR_DATABASE_URL", DEFAULT_URL)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        migrate(self.url)
        self.engine = create_engine(self.url)
        if self.url.startswith("sqlite"):
            event.listen(self.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout = 5000"))
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    # ---- users -------------------------------------------------------------------------------
    def create_user(self, username: str, password: str, role: str, organisation: str = "") -> User:
        if role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}")
        with self.session.begin() as s:
            user = User(username=username, password_hash=hash_password(password), role=role, organisation=organisation)
            s.add(user)
        return user

    def authenticate(self, username: str, password: str) -> User | None:
        with self.session() as s:
            user = s.scalar(select(User).where(User.username == username))
        return user if user and check_password(password, user.password_hash) else None

    def user_by_id(self, user_id: int) -> User | None:
        with self.session() as s:
            return s.get(User, user_id)

    def user(self, username: str) -> User | None:
        with self.session() as s:
            return s.scalar(select(User).where(User.username == username))

    # ---- audits ------------------------------------------------------------------------------
    def create_audit(self, owner: User, name: str, profile: dict[str, Any], checklists: list[str]) -> int:
        with self.session.begin() as s:
            audit = Audit(
                owner_id=owner.id, name=name, profile_json=canonical(profile), checklists=",".join(checklists)
            )
            s.add(audit)
            s.flush()
            self._event(s, audit.id, "created", None, owner, {"name": name, "profile": profile})
            return audit.id

    def audits_for(self, user: User) -> list[Audit]:
        with self.session() as s:
            query = select(Audit).order_by(Audit.updated_at.desc())
            if user.role == "startup":
                query = query.where(Audit.owner_id == user.id)
            else:
                query = query.where(Audit.status != "draft")
            return list(s.scalars(query))

    def _audit(self, s: Session, user: User, audit_id: int) -> Audit:
        audit = s.get(Audit, audit_id)
        if audit is None:
            raise PermissionDenied(f"no audit {audit_id}")
        if user.role == "startup" and audit.owner_id != user.id:
            raise PermissionDenied("this audit belongs to another organisation")
        if user.role == "reviewer" and audit.status == "draft":
            raise PermissionDenied("drafts are private until submitted")
        return audit

    def get_audit(self, user: User, audit_id: int) -> Audit:
        with self.session() as s:
            return self._audit(s, user, audit_id)

    def update_profile(self, user: User, audit_id: int, profile: dict[str, Any]) -> None:
        with self.session.begin() as s:
            audit = self._editable(s, user, audit_id)
            audit.profile_json, audit.updated_at = canonical(profile), now()
            self._event(s, audit_id, "answer", "profile", user, {"profile": profile})

    def _editable(self, s: Session, user: User, audit_id: int) -> Audit:
        audit = self._audit(s, user, audit_id)
        if user.role != "startup" or audit.status not in {"draft", "changes_requested"}:
            raise PermissionDenied(
                f"answers can only be changed by the team while the audit is a draft "
                f"or changes are requested (now: {audit.status})"
            )
        return audit

    # ---- answers (optimistic concurrency) ------------------------------------------------------
    def answers(self, user: User, audit_id: int) -> dict[str, StoredAnswer]:
        with self.session() as s:
            self._audit(s, user, audit_id)
            rows = s.scalars(select(AnswerRow).where(AnswerRow.audit_id == audit_id))
            return {r.item_id: StoredAnswer(r.value, r.evidence, r.comment, r.version) for r in rows}

    def save_answer(
        self,
        user: User,
        audit_id: int,
        item_id: str,
        value: str,
        *,
        evidence: str = "",
        comment: str = "",
        expected_version: int = 0,
    ) -> int:
        """Save one answer; ``expected_version`` is the version read (0 = new). Returns the new version."""
        with self.session.begin() as s:
            audit = self._editable(s, user, audit_id)
            row = s.scalar(select(AnswerRow).where(AnswerRow.audit_id == audit_id, AnswerRow.item_id == item_id))
            current = row.version if row else 0
            if current != expected_version:
                raise ConflictError(
                    f"{item_id} was changed elsewhere (version {current}, you had "
                    f"{expected_version}); reload to see it before saving"
                )
            if row is None:
                row = AnswerRow(audit_id=audit_id, item_id=item_id, updated_by=user.id, version=0)
                s.add(row)
            row.value, row.evidence, row.comment = value, evidence, comment
            row.version, row.updated_by, row.updated_at = current + 1, user.id, now()
            audit.updated_at = now()
            self._event(
                s, audit_id, "answer", item_id, user, {"value": value, "evidence": evidence, "comment": comment}
            )
            return row.version

    # ---- uploads, reports ----------------------------------------------------------------------
    def record_upload(
        self,
        user: User,
        audit_id: int,
        role: str,
        name: str,
        data: bytes,
        summary: dict[str, Any],
        *,
        keep_content: bool = False,
    ) -> str:
        """Store the file's hash and masked summary; the bytes only when the user opted in."""
        digest = hashlib.sha256(data).hexdigest()
        with self.session.begin() as s:
            self._editable(s, user, audit_id)
            s.add(
                Upload(
                    audit_id=audit_id,
                    role=role,
                    name=name,
                    sha256=digest,
                    size=len(data),
                    content=data if keep_content else None,
                    summary_json=canonical(summary),
                )
            )
            self._event(s, audit_id, "upload", None, user, {"role": role, "name": name, "sha256": digest})
        return digest

    def uploads(self, user: User, audit_id: int) -> list[Upload]:
        with self.session() as s:
            self._audit(s, user, audit_id)
            return list(s.scalars(select(Upload).where(Upload.audit_id == audit_id).order_by(Upload.id)))

    def save_report(self, user: User, audit_id: int, report: dict[str, Any]) -> None:
        with self.session.begin() as s:
            audit = self._audit(s, user, audit_id)
            if audit.status == "signed":
                raise PermissionDenied("a signed audit's report cannot change")
            audit.report_json, audit.score, audit.band = canonical(report), report["score"], report["band"]
            audit.updated_at = now()
            self._event(s, audit_id, "report", None, user, {"sha256": sha256_text(audit.report_json)})

    # ---- remediation to-do ---------------------------------------------------------------------
    def set_todo(self, user: User, audit_id: int, item_id: str, done: bool) -> None:
        """Tick or untick a remediation item (an event, but not one that changes the audit's content)."""
        with self.session.begin() as s:
            self._audit(s, user, audit_id)
            self._event(s, audit_id, "todo", item_id, user, {"done": done})

    def todos_done(self, audit_id: int) -> set[str]:
        state: dict[str, bool] = {}
        for e in self.events(audit_id):
            if e.kind == "todo":
                state[e.item_id] = json.loads(e.payload_json)["done"]
        return {item for item, done in state.items() if done}

    # ---- review ------------------------------------------------------------------------------
    def _reviewing(self, s: Session, user: User, audit_id: int) -> Audit:
        audit = self._audit(s, user, audit_id)
        if user.role != "reviewer":
            raise PermissionDenied("only reviewers can comment, override or sign off")
        if audit.status not in {"submitted", "in_review"}:
            raise PermissionDenied(f"the audit is {audit.status}, not under review")
        return audit

    def comment(self, user: User, audit_id: int, item_id: str, text: str) -> None:
        with self.session.begin() as s:
            self._reviewing(s, user, audit_id)
            self._event(s, audit_id, "comment", item_id, user, {"text": text})

    def override(self, user: User, audit_id: int, item_id: str, status: str, reason: str) -> None:
        if status not in {"pass", "partial", "fail"}:
            raise ValueError("an override sets pass, partial or fail")
        if not reason.strip():
            raise ValueError("an override needs a reason")
        with self.session.begin() as s:
            self._reviewing(s, user, audit_id)
            self._event(s, audit_id, "override", item_id, user, {"status": status, "reason": reason.strip()})

    def overrides(self, audit_id: int) -> dict[str, dict[str, str]]:
        """The latest override per item: {item_id: {status, reason, reviewer}}."""
        result: dict[str, dict[str, str]] = {}
        with self.session() as s:
            for e in s.scalars(
                select(Event).where(Event.audit_id == audit_id, Event.kind == "override").order_by(Event.id)
            ):
                reviewer = s.get(User, e.actor_id)
                result[e.item_id] = {**json.loads(e.payload_json), "reviewer": reviewer.username}
        return result

    def transition(self, user: User, audit_id: int, new_status: str) -> None:
        with self.session.begin() as s:
            audit = self._audit(s, user, audit_id)
            allowed = TRANSITIONS[audit.status]
            if new_status not in allowed:
                raise PermissionDenied(f"cannot go from {audit.status} to {new_status}")
            if allowed[new_status] != user.role:
                raise PermissionDenied(f"only a {allowed[new_status]} can move an audit to {new_status}")
            if new_status == "signed":
                if not audit.report_json:
                    raise PermissionDenied("there is no report to sign")
                self._event(s, audit_id, "signoff", None, user, {"report_sha256": sha256_text(audit.report_json)})
            audit.status, audit.updated_at = new_status, now()
            self._event(s, audit_id, "status", None, user, {"status": new_status})

    # ---- the hash chain ------------------------------------------------------------------------
    @staticmethod
    def _event_hash(
        prev: str, audit_id: int, kind: str, item_id: str | None, actor_id: int, payload_json: str, created_at: str
    ) -> str:
        body = canonical(
            {
                "audit": audit_id,
                "kind": kind,
                "item": item_id,
                "actor": actor_id,
                "payload": payload_json,
                "at": created_at,
            }
        )
        return sha256_text(prev + body)

    def _event(
        self, s: Session, audit_id: int, kind: str, item_id: str | None, user: User, payload: dict[str, Any]
    ) -> None:
        last = s.scalar(select(Event).where(Event.audit_id == audit_id).order_by(Event.id.desc()).limit(1))
        prev = last.hash if last else GENESIS
        created = datetime.now(UTC).isoformat(timespec="microseconds")
        payload_json = canonical(payload)
        s.add(
            Event(
                audit_id=audit_id,
                kind=kind,
                item_id=item_id,
                actor_id=user.id,
                payload_json=payload_json,
                created_at=created,
                prev_hash=prev,
                hash=self._event_hash(prev, audit_id, kind, item_id, user.id, payload_json, created),
            )
        )

    def events(self, audit_id: int) -> list[Event]:
        with self.session() as s:
            return list(s.scalars(select(Event).where(Event.audit_id == audit_id).order_by(Event.id)))

    def verify_chain(self, audit_id: int) -> tuple[bool, int | None]:
        """(True, None) when every event's hash matches its content and predecessor; else the first bad id."""
        prev = GENESIS
        for e in self.events(audit_id):
            expected = self._event_hash(prev, e.audit_id, e.kind, e.item_id, e.actor_id, e.payload_json, e.created_at)
            if e.prev_hash != prev or e.hash != expected:
                return False, e.id
            prev = e.hash
        return True, None

    def signature_status(self, audit_id: int) -> str:
        """unsigned | valid | invalid (a change after sign-off, a report that differs, or a broken chain)."""
        events = self.events(audit_id)
        signoffs = [i for i, e in enumerate(events) if e.kind == "signoff"]
        if not signoffs:
            return "unsigned"
        last = signoffs[-1]
        with self.session() as s:
            audit = s.get(Audit, audit_id)
        signed_hash = json.loads(events[last].payload_json)["report_sha256"]
        later_change = any(e.kind in CONTENT_EVENTS for e in events[last + 1 :])
        intact = self.verify_chain(audit_id)[0] and audit.report_json and sha256_text(audit.report_json) == signed_hash
        return "valid" if intact and not later_change else "invalid"
